package io.inrkit.image;

import io.inrkit.codec.EncodeOptions;
import java.util.Locale;
import javax.imageio.ImageWriteParam;

/**
 * Write settings of the .inr ImageIO writer: the compression types are the encoder's presets
 * (fast, default, max); every one is lossless.
 */
public final class InrImageWriteParam extends ImageWriteParam {

    InrImageWriteParam(Locale locale) {
        super(locale);
        canWriteCompressed = true;
        EncodeOptions.Preset[] presets = EncodeOptions.Preset.values();
        compressionTypes = new String[presets.length];
        for (int i = 0; i < presets.length; i++) {
            compressionTypes[i] = presets[i].id();
        }
        compressionType = EncodeOptions.Preset.DEFAULT.id();
    }

    @Override
    public boolean isCompressionLossless() {
        return true;
    }

    /** The preset an explicit compression type names; the default preset otherwise. */
    static EncodeOptions.Preset preset(ImageWriteParam param) {
        if (param == null || param.getCompressionMode() != MODE_EXPLICIT || param.getCompressionType() == null) {
            return EncodeOptions.Preset.DEFAULT;
        }
        return EncodeOptions.Preset.fromId(param.getCompressionType());
    }
}
