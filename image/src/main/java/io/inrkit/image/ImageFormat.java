package io.inrkit.image;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Image file formats INRKit reads; PNG and TIFF are also written. */
public enum ImageFormat {
    PNG("png", true, "png"),
    TIFF("tiff", true, "tif", "tiff"),
    PNM("pnm", false, "pnm", "pbm", "pgm", "ppm", "pam"),
    BMP("bmp", false, "bmp"),
    GIF("gif", false, "gif");

    private final String imageIoName;
    private final boolean writable;
    private final String[] extensions;

    ImageFormat(String imageIoName, boolean writable, String... extensions) {
        this.imageIoName = imageIoName;
        this.writable = writable;
        this.extensions = extensions;
    }

    /** The format name ImageIO readers and writers use. */
    public String imageIoName() {
        return imageIoName;
    }

    public boolean writable() {
        return writable;
    }

    /** The usual file extension, without the dot. */
    public String extension() {
        return extensions[0];
    }

    /** Every extension the format's files have, without the dot; the usual one first. */
    public List<String> extensions() {
        return List.of(extensions);
    }

    /** The extensions of every format INRKit reads, without the dot. */
    public static List<String> allExtensions() {
        return Stream.of(values()).flatMap(f -> f.extensions().stream()).toList();
    }

    /** The format an ImageIO reader reports, or null when INRKit does not read it. */
    public static ImageFormat forImageIoName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (ImageFormat f : values()) {
            if (f.imageIoName.equals(n)) {
                return f;
            }
        }
        return null;
    }

    /** The format a file name's extension names, or null. */
    public static ImageFormat forPath(Path path) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        if (dot < 0) {
            return null;
        }
        String ext = name.substring(dot + 1);
        for (ImageFormat f : values()) {
            for (String e : f.extensions) {
                if (e.equals(ext)) {
                    return f;
                }
            }
        }
        return null;
    }
}
