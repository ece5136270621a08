package io.inrkit.cli;

import io.inrkit.core.fit.FitProgress;
import io.inrkit.core.internal.AtomicOutput;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The paper's "bit bias" figure: bit error rate of every plane against the iteration, the most
 * significant plane darkest. INRs learn the MSB first; the curves show in what order the planes
 * become exact.
 */
final class BitErrorChart {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 560;

    private BitErrorChart() {
    }

    /**
     * Writes the chart of {@code history} (one fit's evaluations) as a PNG.
     *
     * @param bitsPerPlane bits in each plane (the signal's sample count), to turn counts into rates
     */
    static void write(Path file, String title, List<FitProgress> history, long bitsPerPlane, boolean force)
            throws IOException {
        int planes = history.get(0).bitErrorsPerPlane().length;
        XYSeriesCollection data = new XYSeriesCollection();
        for (int p = planes - 1; p >= 0; p--) {
            XYSeries s = new XYSeries(label(p, planes));
            for (FitProgress h : history) {
                s.add(h.iteration(), h.bitErrorsPerPlane()[p] / (double) bitsPerPlane);
            }
            data.addSeries(s);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, "iteration", "bit error rate", data,
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < planes; i++) {
            int p = planes - 1 - i; // series i is plane p
            float shade = planes == 1 ? 0f : p / (float) (planes - 1); // MSB 1.0 -> dark
            r.setSeriesPaint(i, Color.getHSBColor(0.6f - 0.6f * shade, 0.85f, 0.95f - 0.55f * shade));
            r.setSeriesStroke(i, new BasicStroke(p == planes - 1 || p == 0 ? 2.5f : 1.3f));
        }
        plot.setRenderer(r);
        AtomicOutput.write(file, force, out -> ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT));
    }

    private static String label(int plane, int planes) {
        String name = "plane " + plane;
        if (plane == planes - 1) {
            return name + " (MSB)";
        }
        return plane == 0 ? name + " (LSB)" : name;
    }
}
