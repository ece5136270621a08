package io.inrkit.codec;

import java.util.List;

/**
 * What the encoder produced and what it tried.
 *
 * @param file the .inr bytes
 * @param info what the file holds, as {@link InrFileInfo#read} gives it
 * @param chosen name of the candidate written
 * @param candidates every candidate, the context-only one first
 * @param seconds encoding time
 */
public record EncodeResult(byte[] file, InrFileInfo info, String chosen, List<Candidate> candidates,
        double seconds) {

    /**
     * One way of coding the signal, with the sizes of its parts in bytes.
     *
     * @param modelBytes the model sections (0 without a network)
     * @param contextBytes bits coded by the context model alone
     * @param inrBytes bits coded with the INR's probabilities alone (-1 without a network)
     * @param mixedBytes bits coded by the context model mixed with the INR (-1 without a network,
     *     and for a context network that trial tiles showed would not pay, so that the image was
     *     not coded with it)
     * @param totalBytes the whole file with the better mode (-1 where it was not coded)
     * @param modelLossless whether the quantized model alone reproduces every bit
     * @param fitSeconds training time
     */
    public record Candidate(String name, long parameters, int modelBytes, int contextBytes, int inrBytes,
            int mixedBytes, int totalBytes, boolean modelLossless, double fitSeconds) {
    }

    public InrFileInfo.Sizes sizes() {
        return info.sizes();
    }
}
