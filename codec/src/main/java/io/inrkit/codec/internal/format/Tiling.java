package io.inrkit.codec.internal.format;

import io.inrkit.core.Signal;
import io.inrkit.core.SignalKind;
import io.inrkit.core.SignalSpec;

/**
 * How a signal is cut into independently coded tiles (images: {@code tileWidth x tileHeight}
 * rectangles in raster order, the last column and row narrower) or blocks (audio:
 * {@code tileWidth} frames each, {@code tileHeight} 1, the last block shorter). Each tile is
 * coded with a fresh context model and arithmetic coder, so N threads code N tiles at once and a
 * region decodes only the tiles it touches (docs/FORMAT.md, "T: tiles").
 */
public record Tiling(int tileWidth, int tileHeight) {

    /**
     * The encoder's default tile edge for images: 512x512 tiles cost 0.07% on the full Kodak set
     * and 0.56% on the 16-bit set against one tile, 256x256 tiles 0.77% and 2.38%
     * (docs/CODEC.md, "Tiles"). The fast preset's edge for 8-bit images is the encoder's
     * choice ({@code EncodeOptions.FAST_SHALLOW_TILE_SIZE}).
     */
    public static final int DEFAULT_EDGE = 512;
    /**
     * The encoder's default audio block: 2^20 frames, about 24 s at 44.1 kHz. On 8 minutes of real
     * music blocks of 2^20 frames cost 0.37% against one block, 2^19 0.72%, 2^18 1.30%, 2^16 3.15%
     * (docs/CODEC.md, "Tiles"); a 10-second excerpt of an hour still touches at most 2 of 152.
     */
    public static final int DEFAULT_BLOCK_FRAMES = 1 << 20;

    public Tiling {
        if (tileWidth < 1 || tileHeight < 1) {
            throw new IllegalArgumentException("tiles of " + tileWidth + "x" + tileHeight);
        }
    }

    /** One tile, the whole signal: how a version-1 file is coded. */
    public static Tiling whole(SignalSpec spec) {
        return spec.kind() == SignalKind.IMAGE ? new Tiling(spec.width(), spec.height()) : new Tiling(spec.frames(), 1);
    }

    /** The encoder's default tiles for {@code spec}. */
    public static Tiling standard(SignalSpec spec) {
        return of(spec, DEFAULT_EDGE, DEFAULT_BLOCK_FRAMES);
    }

    /**
     * Tiles of at most {@code edge} pixels a side for images, blocks of at most {@code frames} for
     * audio: the fewest that fit, and where that is two across (or down, or two blocks), two of
     * equal size rather than a full one and a remnant. Two threads then finish together: a
     * 768x512 photo in two 384x512 tiles decoded on two threads in 0.78-0.81 of the time it took
     * as a 512-wide tile beside a 256-wide one, at much the same size (docs/CODEC.md, "Tiles",
     * "Two equal tiles"). With three or more a side the tiles stay full: an edge-sized region
     * then still touches at most two a side, and many tiles share out over the threads evenly
     * enough.
     */
    public static Tiling of(SignalSpec spec, int edge, int frames) {
        return spec.kind() == SignalKind.IMAGE
                ? new Tiling(side(spec.width(), edge), side(spec.height(), edge))
                : new Tiling(side(spec.frames(), frames), 1);
    }

    /** A tile's side along a dimension of {@code length} positions, with tiles of at most {@code edge}. */
    private static int side(int length, int edge) {
        if (length <= edge) {
            return length;
        }
        return ceilDiv(length, edge) == 2 ? (int) ceilDiv(length, 2) : edge;
    }

    /** Tiles across. */
    public long columns(SignalSpec spec) {
        return ceilDiv(width(spec), tileWidth);
    }

    /** Tiles down. */
    public long rows(SignalSpec spec) {
        return ceilDiv(height(spec), tileHeight);
    }

    /** Tiles in all; a long, as a file may declare any tile size for any signal. */
    public long count(SignalSpec spec) {
        return columns(spec) * rows(spec);
    }

    /** Tile {@code index} (raster order) of {@code spec}. */
    public Tile tile(SignalSpec spec, int index) {
        int columns = (int) columns(spec);
        int x = index % columns * tileWidth;
        int y = index / columns * tileHeight;
        return new Tile(index, x, y, Math.min(tileWidth, width(spec) - x), Math.min(tileHeight, height(spec) - y));
    }

    private static int width(SignalSpec spec) {
        return spec.kind() == SignalKind.IMAGE ? spec.width() : spec.frames();
    }

    private static int height(SignalSpec spec) {
        return spec.kind() == SignalKind.IMAGE ? spec.height() : 1;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    /**
     * One tile: pixels {@code x .. x + width - 1} of rows {@code y .. y + height - 1}, or for
     * audio frames {@code x .. x + width - 1} ({@code y} 0, {@code height} 1).
     */
    public record Tile(int index, int x, int y, int width, int height) {

        /** Positions (pixels or frames) in the tile. */
        public int positions() {
            return width * height;
        }

        /** The tile's own signal description. */
        public SignalSpec spec(SignalSpec whole) {
            return whole.kind() == SignalKind.IMAGE ? whole.withShape(height, width) : whole.withShape(width);
        }

        /** The tile's samples, cut from the whole signal. */
        public Signal cut(Signal whole) {
            return whole.kind() == SignalKind.IMAGE ? whole.crop(x, y, width, height) : whole.segment(x, width);
        }

        /** The whole signal's position of the tile's position {@code p}. */
        public int globalPosition(SignalSpec whole, int p) {
            if (whole.kind() != SignalKind.IMAGE) {
                return x + p;
            }
            return (y + p / width) * whole.width() + x + p % width;
        }

        /** Whether it shares a position with the region {@code [rx, rx + rw) x [ry, ry + rh)}. */
        public boolean touches(int rx, int ry, int rw, int rh) {
            return x < rx + rw && rx < x + width && y < ry + rh && ry < y + height;
        }
    }
}
