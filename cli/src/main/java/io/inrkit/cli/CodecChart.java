package io.inrkit.cli;

import io.inrkit.core.internal.AtomicOutput;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * {@code bench codec} results as a bar chart: per file (and over all files), INRKit's and each
 * external codec's size as a fraction of the free standard's (JPEG XL for images, FLAC for
 * audio), so bars below 1 are smaller than it. The chart shows the files of the first file's
 * kind; codecs that did not run on all of them are left out.
 */
final class CodecChart {

    private static final int WIDTH = 1200;
    private static final int HEIGHT = 620;

    private CodecChart() {
    }

    static void write(Path file, List<Map<String, Object>> allRows, boolean force) throws IOException {
        if (allRows.isEmpty()) {
            throw new IOException("no file was coded: nothing to chart");
        }
        Object kind = allRows.get(0).get("kind");
        List<Map<String, Object>> rows = allRows.stream().filter(r -> r.get("kind").equals(kind)).toList();
        boolean image = rows.get(0).containsKey(ExternalCodecs.JPEG_XL.name());
        String reference = (image ? ExternalCodecs.JPEG_XL : ExternalCodecs.FLAC).name();
        if (!rows.stream().allMatch(r -> r.get(reference) instanceof Number)) {
            throw new IOException(reference + " did not run on every file (is it installed?): nothing to chart against");
        }
        List<String> measured = new ArrayList<>();
        for (ExternalCodecs.Tool t : image ? ExternalCodecs.IMAGE : ExternalCodecs.AUDIO) {
            if (rows.stream().allMatch(r -> r.get(t.name()) instanceof Number)) {
                measured.add(t.name());
            }
        }
        List<String> series = new ArrayList<>();
        series.add("rate");
        series.addAll(measured);
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        double[] sums = new double[series.size()];
        double referenceSum = 0;
        for (Map<String, Object> r : rows) {
            double ref = ((Number) r.get(reference)).doubleValue();
            referenceSum += ref;
            for (int i = 0; i < series.size(); i++) {
                double v = ((Number) r.get(series.get(i))).doubleValue();
                sums[i] += v;
                data.addValue(v / ref, label(series.get(i)), shortName((String) r.get("file")));
            }
        }
        for (int i = 0; i < series.size(); i++) {
            data.addValue(sums[i] / referenceSum, label(series.get(i)), "ALL");
        }
        JFreeChart chart = ChartFactory.createBarChart("size against " + reference, "file",
                "size / size of " + reference.replaceAll(" \\(.*", ""), data, PlotOrientation.VERTICAL, true, false,
                false);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        AtomicOutput.write(file, force, out -> ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT));
    }

    private static String label(String key) {
        return key.equals("rate") ? "INRKit" : key;
    }

    private static String shortName(String file) {
        String stem = file.replaceAll("\\.\\w+$", "");
        return stem.length() <= 24 ? stem : stem.substring(0, 24);
    }
}
