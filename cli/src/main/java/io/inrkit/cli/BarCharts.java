package io.inrkit.cli;

import io.inrkit.core.internal.AtomicOutput;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;

/** The benchmarks' bar charts, one look for all: a bar per series and file, white, labels slanted. */
final class BarCharts {

    private static final int WIDTH = 1200;
    private static final int HEIGHT = 620;

    private BarCharts() {
    }

    /** Writes {@code data} (series by file) as a PNG, through a temporary file; the value axis includes 0. */
    static void write(Path file, String title, String valueAxis, DefaultCategoryDataset data, boolean force)
            throws IOException {
        write(file, title, valueAxis, data, true, force);
    }

    /** @param includeZero whether the value axis must reach 0 (ratios near 1 read better without it) */
    static void write(Path file, String title, String valueAxis, DefaultCategoryDataset data, boolean includeZero,
            boolean force) throws IOException {
        JFreeChart chart = ChartFactory.createBarChart(title, "file", valueAxis, data, PlotOrientation.VERTICAL, true,
                false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(includeZero);
        ((BarRenderer) plot.getRenderer()).setIncludeBaseInRange(includeZero);
        AtomicOutput.write(file, force, out -> ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT));
    }

    /** A file's name as a category: without its extension, at most 24 characters. */
    static String shortName(String file) {
        String stem = file.replaceAll("\\.\\w+$", "");
        return stem.length() <= 24 ? stem : stem.substring(0, 24);
    }
}
