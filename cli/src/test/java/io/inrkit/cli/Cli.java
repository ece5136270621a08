package io.inrkit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs the inrkit command in-process and keeps what it printed. */
final class Cli {

    final int code;
    final String out;
    final String err;
    /** What went to standard output through "-". */
    final byte[] data;

    private Cli(int code, String out, String err, byte[] data) {
        this.code = code;
        this.out = out;
        this.err = err;
        this.data = data;
    }

    /** Runs with an empty standard input and stderr not a terminal (as under Maven). */
    static Cli run(Object... args) {
        return piped(new byte[0], args);
    }

    /** Runs with {@code stdin} behind an input named "-". */
    static Cli piped(byte[] stdin, Object... args) {
        String[] a = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            a[i] = String.valueOf(args[i]);
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        java.io.ByteArrayOutputStream data = new java.io.ByteArrayOutputStream();
        Stdio stdio = new Stdio(new java.io.ByteArrayInputStream(stdin), data, false);
        int code = InrKit.execute(a, new PrintWriter(out, true), new PrintWriter(err, true), stdio);
        return new Cli(code, out.toString(), err.toString(), data.toByteArray());
    }

    /** A bundled demo sample copied into {@code dir}. */
    static Path sample(String name, Path dir) throws IOException {
        Path target = dir.resolve(name);
        try (InputStream in = Cli.class.getResourceAsStream("samples/" + name)) {
            Files.copy(in, target);
        }
        return target;
    }

    /** An IEEE float WAV (format tag 3) of 4 silent frames: well formed, and unsupported. */
    static byte[] floatWav() {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(44 + 16).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put(ascii("RIFF")).putInt(36 + 16).put(ascii("WAVE"));
        b.put(ascii("fmt ")).putInt(16).putShort((short) 3).putShort((short) 1).putInt(8000).putInt(32000)
                .putShort((short) 4).putShort((short) 32);
        b.put(ascii("data")).putInt(16);
        return b.array();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    @Override
    public String toString() {
        return "exit " + code + "\nstdout:\n" + out + "\nstderr:\n" + err;
    }
}
