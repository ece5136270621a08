package io.inrkit.cli;

import io.inrkit.core.depth.ExpansionMethod;
import io.inrkit.core.internal.AtomicOutput;
import io.inrkit.core.quality.SignalComparison;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Bit-depth expansion results as a bar chart: per file (and the mean), each method's PSNR minus
 * the interval centre's, so that bars above zero are methods that beat the strongest rule.
 */
final class DepthChart {

    private static final int WIDTH = 1200;
    private static final int HEIGHT = 620;

    private DepthChart() {
    }

    static void write(Path file, String title, List<ExpansionMethod> methods, List<BenchDepthCommand.FileResult> results,
            boolean force) throws IOException {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        boolean haveCentre = methods.contains(ExpansionMethod.CENTRE);
        for (BenchDepthCommand.FileResult r : results) {
            double base = haveCentre ? r.comparisons().get(ExpansionMethod.CENTRE).psnr() : 0;
            for (ExpansionMethod m : methods) {
                data.addValue(r.comparisons().get(m).psnr() - base, m.id(), shortName(r.file()));
            }
        }
        double meanBase = haveCentre ? BenchDepthCommand.mean(results, ExpansionMethod.CENTRE, SignalComparison::psnr) : 0;
        for (ExpansionMethod m : methods) {
            data.addValue(BenchDepthCommand.mean(results, m, SignalComparison::psnr) - meanBase, m.id(), "MEAN");
        }
        JFreeChart chart = ChartFactory.createBarChart(title, "file",
                haveCentre ? "PSNR - PSNR of centre (dB)" : "PSNR (dB)", data, PlotOrientation.VERTICAL, true, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        AtomicOutput.write(file, force, out -> ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT));
    }

    private static String shortName(String file) {
        String stem = file.replaceAll("\\.\\w+$", "");
        return stem.length() <= 24 ? stem : stem.substring(0, 24);
    }
}
