package io.inrkit.cli;

import io.inrkit.codec.InrFileInfo;
import io.inrkit.core.SignalKind;
import io.inrkit.core.SignalSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What {@code info} says about an .inr file: the signal, the models and where the bytes go. */
final class InrFacts {

    private InrFacts() {
    }

    static Map<String, Object> of(String name, InrFileInfo c) {
        SignalSpec s = c.spec();
        InrFileInfo.Sizes sizes = c.sizes();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", name);
        m.put("fileBytes", sizes.total());
        m.put("format", "INR");
        m.put("version", c.version());
        m.put("kind", s.kind().displayName());
        if (s.kind() == SignalKind.IMAGE) {
            m.put("width", s.width());
            m.put("height", s.height());
        } else {
            m.put("frames", s.frames());
            m.put("seconds", s.frames() / s.sampleRate());
            m.put("sampleRate", s.sampleRate());
        }
        m.put("channels", s.channels());
        m.put("bitDepth", s.bitDepth());
        m.put("signed", s.signed());
        m.put("samples", s.sampleCount());
        m.put("sha256", c.sha256());
        m.put("models", c.networks().size());
        m.put("network", c.networks().isEmpty() ? "none" : c.networks().get(0));
        m.put("parameters", c.parameters());
        m.put("codingMode", c.codingMode());
        m.put("headerBytes", sizes.header());
        m.put("modelBytes", sizes.models());
        m.put("bitsBytes", sizes.bits());
        m.put("bitsPerSample", round(sizes.total() * 8.0 / s.sampleCount()));
        if (s.kind() == SignalKind.IMAGE) {
            m.put("bitsPerPixel", round(sizes.total() * 8.0 / s.positions()));
        } else {
            m.put("ratioToPcm", round(sizes.total() / ((double) s.sampleCount() * ((s.bitDepth() + 7) / 8))));
        }
        InrFileInfo.Tiles tiles = c.tiles();
        m.put("tileWidth", tiles.width());
        m.put("tileHeight", tiles.height());
        m.put("tilesChecked", tiles.checked());
        List<Map<String, Object>> list = new ArrayList<>();
        for (InrFileInfo.Tile t : tiles.list()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("x", t.x());
            if (s.kind() == SignalKind.IMAGE) {
                e.put("y", t.y());
                e.put("width", t.width());
                e.put("height", t.height());
            } else {
                e.put("frames", t.width());
            }
            e.put("codedBytes", t.codedBytes());
            list.add(e);
        }
        m.put("tiles", list);
        return m;
    }

    /** At most this many tiles are listed one by one in the text report; JSON lists them all. */
    static final int LISTED_TILES = 8;

    static String text(Map<String, Object> m) {
        StringBuilder b = new StringBuilder();
        InfoCommand.line(b, "file", m.get("file"));
        InfoCommand.line(b, "format", "INR version " + m.get("version") + ", " + m.get("fileBytes") + " bytes");
        InfoCommand.line(b, "kind", m.get("kind"));
        if (m.containsKey("width")) {
            InfoCommand.line(b, "size", m.get("width") + "x" + m.get("height"));
        } else {
            InfoCommand.line(b, "frames", m.get("frames") + String.format(Locale.ROOT, " (%.3f s at %s Hz)",
                    (Double) m.get("seconds"), InfoCommand.rate((Double) m.get("sampleRate"))));
        }
        InfoCommand.line(b, "channels", m.get("channels"));
        InfoCommand.line(b, "bit depth", m.get("bitDepth") + (Boolean.TRUE.equals(m.get("signed")) ? " (signed)" : " (unsigned)"));
        InfoCommand.line(b, "SHA-256", m.get("sha256") + " (of the samples)");
        InfoCommand.line(b, "models", m.get("models") + " (" + m.get("parameters") + " parameters), bits coded: "
                + m.get("codingMode"));
        if (!"none".equals(m.get("network"))) {
            InfoCommand.line(b, "network", m.get("network"));
        }
        InfoCommand.line(b, "bytes", "header " + m.get("headerBytes") + ", models " + m.get("modelBytes")
                + ", coded bits " + m.get("bitsBytes"));
        InfoCommand.line(b, "rate", m.get("bitsPerSample") + " bits per sample"
                + (m.containsKey("bitsPerPixel") ? ", " + m.get("bitsPerPixel") + " bits per pixel"
                        : ", " + m.get("ratioToPcm") + " of the raw PCM"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> tiles = (List<Map<String, Object>>) m.get("tiles");
        boolean image = m.containsKey("width");
        String unit = image ? m.get("tileWidth") + "x" + m.get("tileHeight") + " tiles" : m.get("tileWidth") + "-frame blocks";
        InfoCommand.line(b, image ? "tiles" : "blocks", tiles.size() + (tiles.size() == 1 ? " (the whole signal)" : " " + unit)
                + (Boolean.TRUE.equals(m.get("tilesChecked")) ? ", each with a CRC32C of its samples" : ""));
        for (int i = 0; i < Math.min(tiles.size(), LISTED_TILES) && tiles.size() > 1; i++) {
            Map<String, Object> t = tiles.get(i);
            InfoCommand.line(b, "  " + i, (image ? t.get("width") + "x" + t.get("height") + "+" + t.get("x") + "+" + t.get("y")
                    : "frames " + t.get("x") + ":" + t.get("frames")) + ", " + t.get("codedBytes") + " bytes");
        }
        if (tiles.size() > LISTED_TILES) {
            InfoCommand.line(b, "  ...", (tiles.size() - LISTED_TILES) + " more (--json lists them all)");
        }
        return b.toString().stripTrailing();
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
