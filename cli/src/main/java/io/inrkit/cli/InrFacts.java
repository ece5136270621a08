package io.inrkit.cli;

import io.inrkit.codec.InrFileInfo;
import io.inrkit.core.SignalKind;
import io.inrkit.core.SignalSpec;
import java.util.LinkedHashMap;
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
        return m;
    }

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
        return b.toString().stripTrailing();
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
