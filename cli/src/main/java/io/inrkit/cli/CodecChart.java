package io.inrkit.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * {@code bench codec} results as a bar chart: per file (and over all files, by their summed bytes), INRKit's and each
 * external codec's size as a fraction of the free standard's (JPEG XL for images, FLAC for
 * audio), so bars below 1 are smaller than it. The chart shows the files of the first file's
 * kind; codecs that did not run on all of them are left out.
 */
final class CodecChart {

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
        double[] bytes = new double[series.size()]; // rates are per sample: ALL weighs each file by its bytes
        double referenceBytes = 0;
        for (Map<String, Object> r : rows) {
            double ref = ((Number) r.get(reference)).doubleValue();
            double bytesPerRate = ((Number) r.get("inrBytes")).doubleValue() / ((Number) r.get("rate")).doubleValue();
            referenceBytes += ref * bytesPerRate;
            for (int i = 0; i < series.size(); i++) {
                double v = ((Number) r.get(series.get(i))).doubleValue();
                bytes[i] += v * bytesPerRate;
                data.addValue(v / ref, label(series.get(i)), BarCharts.shortName((String) r.get("file")));
            }
        }
        for (int i = 0; i < series.size(); i++) {
            data.addValue(bytes[i] / referenceBytes, label(series.get(i)), "ALL");
        }
        BarCharts.write(file, "size against " + reference, "size / size of " + reference.replaceAll(" \\(.*", ""), data,
                false, force);
    }

    private static String label(String key) {
        return key.equals("rate") ? "INRKit" : key;
    }
}
