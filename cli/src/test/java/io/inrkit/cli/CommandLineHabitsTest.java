package io.inrkit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.inrkit.audio.AudioFiles;
import io.inrkit.image.ImageFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** What people used to cjxl and flac expect: batches, "-" for the standard streams, -o, help and completion. */
class CommandLineHabitsTest {

    @TempDir
    Path dir;

    @Test
    void aBatchEncodesTheGoodFilesReportsTheBadOnesAndExitsNonZero() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Path png = Cli.sample("kodim23-64x64.png", in);
        Path wav = Cli.sample("piano-stereo-16bit.wav", in);
        Files.write(in.resolve("broken.png"), Files.readAllBytes(png), java.nio.file.StandardOpenOption.CREATE_NEW);
        byte[] whole = Files.readAllBytes(png);
        Files.write(in.resolve("broken.png"), java.util.Arrays.copyOf(whole, whole.length / 3));
        Files.writeString(in.resolve("notes.txt"), "not media: left out of the folder's files");
        Path out = dir.resolve("out");
        Cli r = Cli.run("encode", in, "--out-dir", out, "--preset", "fast");
        assertEquals(ExitCode.BAD_INPUT, r.code, r.toString());
        assertTrue(r.err.contains("broken.png") && r.err.contains("truncated"), r.err);
        assertTrue(r.out.contains("2 encoded, 1 failed"), r.out);
        assertTrue(r.out.contains("| piano-stereo-16bit.wav | ok |") || r.out.contains("piano-stereo-16bit.wav | ok"), r.out);
        assertEquals(List.of("kodim23-64x64.inr", "piano-stereo-16bit.inr"), names(out), "nothing for the bad file");
        assertEquals(0, Cli.run("decode", out.resolve("kodim23-64x64.inr"), dir.resolve("k.png")).code);
        assertEquals(ImageFiles.read(png).signal(), ImageFiles.read(dir.resolve("k.png")).signal());
        assertEquals(0, Cli.run("decode", out.resolve("piano-stereo-16bit.inr"), "-o", dir.resolve("p.wav")).code);
        assertEquals(AudioFiles.read(wav).signal(), AudioFiles.read(dir.resolve("p.wav")).signal());
    }

    @Test
    void aBatchOfGoodFilesExitsZeroWithJsonForEachFile() throws Exception {
        Path a = Cli.sample("kodim23-64x64.png", dir);
        Path b = Cli.sample("piano-stereo-16bit.wav", dir);
        JsonNode j = CommandLineTest.json(Cli.run("encode", a, b, "--preset", "fast", "--json"));
        assertEquals(2, j.get("encoded").asInt());
        assertEquals(0, j.get("failed").asInt());
        assertEquals(Files.size(dir.resolve("kodim23-64x64.inr")), j.get("files").get(0).get("bytes").asLong(),
                "written beside the input");
        assertTrue(Files.exists(dir.resolve("piano-stereo-16bit.inr")));
    }

    @Test
    void standardInputAndOutputCarryTheFilesThroughAPipe() throws Exception {
        Path wav = Cli.sample("piano-stereo-16bit.wav", dir);
        Cli encoded = Cli.piped(Files.readAllBytes(wav), "encode", "-", "-o", "-", "--preset", "fast");
        assertEquals(0, encoded.code, encoded.toString());
        assertEquals("", encoded.out, "stdout carries only the .inr bytes");
        assertTrue(encoded.err.contains("standard input"), "the report goes to stderr: " + encoded.err);
        Cli decoded = Cli.piped(encoded.data, "decode", "-", "-o", "-", "-q");
        assertEquals(0, decoded.code, decoded.toString());
        Path back = dir.resolve("back.wav");
        Files.write(back, decoded.data);
        assertEquals(AudioFiles.read(wav).signal(), AudioFiles.read(back).signal());
        Cli info = Cli.piped(encoded.data, "info", "-", "--json");
        assertEquals("INR", CommandLineTest.json(info).get("format").asText());
        assertEquals(0, dir.resolve("-").toFile().exists() ? 1 : 0, "no file named -");
    }

    @Test
    void decodeWithoutAnOutputWritesBesideTheInput() throws Exception {
        Path png = Cli.sample("kodim23-64x64.png", dir);
        Path inr = dir.resolve("photo.inr");
        assertEquals(0, Cli.run("encode", png, "-o", inr, "--preset", "fast", "-q").code);
        Cli d = Cli.run("decode", inr);
        assertEquals(0, d.code, d.toString());
        assertEquals(ImageFiles.read(png).signal(), ImageFiles.read(dir.resolve("photo.png")).signal());
        assertEquals(ExitCode.USAGE, Cli.run("decode", inr).code, "photo.png exists now: -f is needed");
        assertEquals(0, Cli.run("decode", inr, "-f", "-q").code);
    }

    @Test
    void convertAndReduceReportAsJson() throws Exception {
        Path png = Cli.sample("kodim23-64x64.png", dir);
        JsonNode c = CommandLineTest.json(Cli.run("convert", png, "-o", dir.resolve("c.tif"), "--json"));
        assertEquals(dir.resolve("c.tif").toString(), c.get("output").asText());
        JsonNode r = CommandLineTest.json(Cli.run("reduce", png, dir.resolve("r.png"), "--bits", "4", "--json"));
        assertTrue(r.get("signal").asText().contains("4-bit"), r.toString());
    }

    @Test
    void ambiguousOrImpossibleOutputsAreUsageErrors() throws Exception {
        Path png = Cli.sample("kodim23-64x64.png", dir);
        Path wav = Cli.sample("piano-stereo-16bit.wav", dir);
        Cli two = Cli.run("encode", png, wav, "-o", dir.resolve("x.inr"));
        assertEquals(ExitCode.USAGE, two.code);
        assertTrue(two.err.contains("--out-dir"), two.err);
        assertEquals(ExitCode.USAGE, Cli.run("convert", png, dir.resolve("a.tif"), "-o", dir.resolve("b.tif")).code);
        assertEquals(ExitCode.USAGE, Cli.run("convert", png).code, "no output at all");
        assertEquals(ExitCode.USAGE, Cli.run("encode", "-", "--preset", "fast").code, "stdin needs -o");
        assertEquals(List.of("kodim23-64x64.png", "piano-stereo-16bit.wav"), names(dir), "nothing written");
    }

    @Test
    void progressIsDrawnOnlyOnATerminalButVerboseLogsIt() throws Exception {
        Path png = Cli.sample("kodim23-64x64.png", dir);
        Cli plain = Cli.run("fit", png, "--crop", "4x4", "--width", "32", "--lr", "3e-3");
        assertEquals(0, plain.code, plain.toString());
        assertFalse(plain.err.contains("iteration"), "not a terminal: no progress: " + plain.err);
        Cli verbose = Cli.run("fit", png, "--crop", "4x4", "--width", "32", "--lr", "3e-3", "-v");
        assertTrue(verbose.err.contains("iteration"), "--verbose logs progress: " + verbose.err);
    }

    @Test
    void everyCommandHasHelpWithExamplesAndCompletionKnowsThem() {
        CommandLine model = InrKit.commandLine(Stdio.system());
        Cli completion = Cli.run("completion");
        assertEquals(0, completion.code);
        assertTrue(completion.out.contains("complete -F"), "a bash completion script");
        for (CommandLine sub : model.getSubcommands().values()) {
            String name = sub.getCommandName();
            if (name.equals("help")) {
                continue;
            }
            Cli help = Cli.run("help", name);
            assertEquals(0, help.code, name);
            assertTrue(help.out.contains("Examples:"), "help " + name + " has examples:\n" + help.out);
            assertTrue(completion.out.contains(name), "completion knows " + name);
            for (CommandLine nested : sub.getSubcommands().values()) {
                if (nested.getCommandName().equals("help")) {
                    continue;
                }
                Cli nestedHelp = Cli.run(name, "help", nested.getCommandName());
                assertTrue(nestedHelp.out.contains("Examples:"), name + " " + nested.getCommandName() + nestedHelp);
            }
        }
    }

    private static List<String> names(Path folder) throws Exception {
        try (var s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
