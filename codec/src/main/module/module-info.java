/**
 * The .inr codec. One package is its API, {@code io.inrkit.codec}; the implementation under
 * {@code io.inrkit.codec.internal} is open only to INRKit's own bench module (docs/DESIGN.md,
 * "Modules"). inr-core is an automatic module (its DL4J / ND4J dependencies cannot be named
 * modules here), so it is required by the name its jar's manifest gives it.
 */
module io.inrkit.codec {
    requires transitive io.inrkit.core;

    exports io.inrkit.codec;
    exports io.inrkit.codec.internal.cm to io.inrkit.bench;
    exports io.inrkit.codec.internal.format to io.inrkit.bench;
    exports io.inrkit.codec.internal.model to io.inrkit.bench;
    exports io.inrkit.codec.internal.quant to io.inrkit.bench;
    exports io.inrkit.codec.internal.search to io.inrkit.bench;
}
