package io.inrkit.cli;

import io.inrkit.core.depth.ExpansionMethod;
import io.inrkit.core.quality.SignalComparison;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Bit-depth expansion results as a bar chart: per file (and the mean), each method's PSNR minus
 * the interval centre's, so that bars above zero are methods that beat the strongest rule.
 */
final class DepthChart {

    private DepthChart() {
    }

    static void write(Path file, String title, List<ExpansionMethod> methods, List<BenchDepthCommand.FileResult> results,
            boolean force) throws IOException {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        boolean haveCentre = methods.contains(ExpansionMethod.CENTRE);
        for (BenchDepthCommand.FileResult r : results) {
            double base = haveCentre ? r.comparisons().get(ExpansionMethod.CENTRE).psnr() : 0;
            for (ExpansionMethod m : methods) {
                data.addValue(r.comparisons().get(m).psnr() - base, m.id(), BarCharts.shortName(r.file()));
            }
        }
        double meanBase = haveCentre ? BenchDepthCommand.mean(results, ExpansionMethod.CENTRE, SignalComparison::psnr) : 0;
        for (ExpansionMethod m : methods) {
            data.addValue(BenchDepthCommand.mean(results, m, SignalComparison::psnr) - meanBase, m.id(), "MEAN");
        }
        BarCharts.write(file, title, haveCentre ? "PSNR - PSNR of centre (dB)" : "PSNR (dB)", data, force);
    }
}
