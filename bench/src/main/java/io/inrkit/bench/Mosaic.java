package io.inrkit.bench;

import io.inrkit.core.Signal;
import io.inrkit.image.ImageFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes a large test image from real ones (issue 14's scale measurements): the images tiled in
 * raster order, cycling through them, each at its full size and cut at the right and bottom
 * edges, so that every pixel is a real one. Images of another shape, channels or depth than the
 * first are left out (the portrait Kodak images among landscape ones).
 *
 * <pre>java -cp ... io.inrkit.bench.Mosaic WIDTH HEIGHT OUT.png IMAGE...</pre>
 */
public final class Mosaic {

    private Mosaic() {
    }

    public static void main(String[] args) throws Exception {
        int width = Integer.parseInt(args[0]);
        int height = Integer.parseInt(args[1]);
        Path out = Path.of(args[2]);
        List<Signal> images = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            Signal s = ImageFiles.read(Path.of(args[i])).signal();
            if (images.isEmpty() || s.spec().withShape(1, 1).equals(images.get(0).spec().withShape(1, 1))
                    && s.spec().width() == images.get(0).spec().width()
                    && s.spec().height() == images.get(0).spec().height()) {
                images.add(s);
            }
        }
        Signal first = images.get(0);
        int c = first.channels();
        Signal.Builder b = Signal.builder(first.spec().withShape(height, width));
        int next = 0;
        for (int y = 0; y < height; ) {
            int rowHeight = 0;
            for (int x = 0; x < width; ) {
                Signal tile = images.get(next++ % images.size());
                int w = Math.min(tile.spec().width(), width - x);
                int h = Math.min(tile.spec().height(), height - y);
                for (int row = 0; row < h; row++) {
                    for (int i = 0; i < w * c; i++) {
                        b.set(((y + row) * width + x) * c + i, tile.sample(row * tile.spec().width() * c + i));
                    }
                }
                x += w;
                rowHeight = Math.max(rowHeight, h);
            }
            y += rowHeight;
        }
        ImageFiles.write(b.build(), out, true);
    }
}
