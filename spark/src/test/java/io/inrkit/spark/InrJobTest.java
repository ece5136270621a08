package io.inrkit.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inrkit.codec.Decoder;
import io.inrkit.codec.InrFileInfo;
import io.inrkit.core.Signal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job on embedded Spark ({@code local[2,2]}: two cores, a failed task tried twice), loopback
 * only, UI off, on a committed archive of 20 crops of real images and recordings (8- and 16-bit
 * PNG and TIFF, 16- and 24-bit WAV, in folders, one name with a space) and one corrupt PNG.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InrJobTest {

    private static final int GOOD_FILES = TestArchive.GOOD_FILES;

    private Path dir;
    private SparkSession spark;
    private Path archive;
    private Path encoded;
    private JobSummary firstRun;

    @BeforeAll
    void encodeTheArchive(@TempDir Path tmp) throws IOException {
        dir = tmp;
        spark = SparkSession.builder().master("local[2,2]").appName("InrJobTest")
                .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1").config("spark.sql.shuffle.partitions", "4")
                .getOrCreate();
        archive = TestArchive.copyTo(dir.resolve("archive"));
        encoded = dir.resolve("encoded");
        firstRun = InrJob.run(spark, encode(archive.toString(), encoded.toString()));
    }

    @AfterAll
    void stopSpark() {
        spark.stop();
    }

    @Test
    void everyFileIsEncodedExactlyAndTheCorruptOneIsAnErrorRow() throws IOException {
        assertEquals(GOOD_FILES + 1, firstRun.files());
        assertEquals(GOOD_FILES, firstRun.ok());
        assertEquals(1, firstRun.errors());
        Map<String, Row> rows = manifest(encoded.resolve("_manifest"), archive);
        assertEquals(GOOD_FILES + 1, rows.size());
        Row broken = rows.get("broken.png");
        assertEquals(ManifestRow.ERROR, broken.getAs("status"));
        String message = broken.getAs("message");
        assertTrue(message.length() > 10, message);
        for (Path original : originals()) {
            String name = archive.relativize(original).toString();
            Path inr = encoded.resolve(name + ".inr");
            Row row = rows.get(name);
            assertEquals(ManifestRow.OK, row.getAs("status"), name);
            assertEquals(Files.size(original), (long) row.getAs("inputBytes"), name);
            assertEquals(Files.size(inr), (long) row.getAs("outputBytes"), name);
            assertEquals("file:" + inr, row.getAs("output"));
            byte[] file = Files.readAllBytes(inr);
            Signal samples = TestArchive.read(original);
            assertEquals(samples, Decoder.decode(file, 1), name);
            assertEquals(InrFileInfo.sha256Of(samples), row.getAs("sha256"), name);
            assertEquals(InrFileInfo.read(file).sha256(), row.getAs("sha256"), name);
        }
        assertEquals(List.of(), leftovers(encoded));
        assertFalse(Files.exists(encoded.resolve("broken.png.inr")));
    }

    @Test
    void aRerunSkipsEveryFileAndOneDeletedOutputIsMadeAgainByteForByte() throws IOException {
        Path out = TestArchive.copyTree(encoded, dir.resolve("rerun"));
        Map<Path, FileTime> times = new HashMap<>();
        Map<Path, byte[]> bytes = new HashMap<>();
        for (Path p : inrFiles(out)) {
            Files.setLastModifiedTime(p, FileTime.fromMillis(1_000_000_000_000L));
            times.put(p, Files.getLastModifiedTime(p));
            bytes.put(p, Files.readAllBytes(p));
        }
        JobSummary again = InrJob.run(spark, encode(archive.toString(), out.toString()));
        assertEquals(GOOD_FILES, again.skipped());
        assertEquals(0, again.ok());
        assertEquals(1, again.errors());
        for (Path p : times.keySet()) {
            assertEquals(times.get(p), Files.getLastModifiedTime(p), p + " was rewritten");
        }
        manifest(out.resolve("_manifest"), archive).forEach((name, row) ->
                assertEquals(name.equals("broken.png") ? ManifestRow.ERROR : ManifestRow.SKIPPED, row.getAs("status"), name));

        Path deleted = out.resolve("scans/m51.png.inr");
        Files.delete(deleted);
        JobSummary third = InrJob.run(spark, encode(archive.toString(), out.toString()));
        assertEquals(1, third.ok());
        assertEquals(GOOD_FILES - 1, third.skipped());
        assertArrayEquals(bytes.get(deleted), Files.readAllBytes(deleted));
        for (Path p : times.keySet()) {
            if (!p.equals(deleted)) {
                assertEquals(times.get(p), Files.getLastModifiedTime(p), p + " was rewritten");
            }
        }
    }

    @Test
    void aTaskKilledMidwayLeavesNoPartialOutputAndItsRetrySucceeds() throws IOException {
        Path out = dir.resolve("retried");
        // What a task killed before its clean-up would leave: a temporary file beside the output.
        Path stale = out.resolve("photos/kodak/.kodim03.png.inr.77" + HadoopFiles.TEMPORARY_SUFFIX);
        Files.createDirectories(stale.getParent());
        Files.write(stale, new byte[] {1, 2, 3});
        spark.conf().set(FileTask.FAIL_FIRST_ATTEMPT, "kodim03.png.inr");
        JobSummary s;
        try {
            s = InrJob.run(spark, encode(archive.toString(), out.toString()));
        } finally {
            spark.conf().unset(FileTask.FAIL_FIRST_ATTEMPT);
        }
        // The files the failed attempt had written before are found present and verified by the retry.
        assertEquals(GOOD_FILES, s.ok() + s.skipped());
        Row row = manifest(out.resolve("_manifest"), archive).get("photos/kodak/kodim03.png");
        assertEquals(ManifestRow.OK, row.getAs("status"));
        assertEquals(1, (int) row.getAs("attempt"), "written by the second attempt");
        Path inr = out.resolve("photos/kodak/kodim03.png.inr");
        assertEquals(TestArchive.read(archive.resolve("photos/kodak/kodim03.png")), Decoder.decode(Files.readAllBytes(inr), 1));
        assertEquals(List.of(), leftovers(out));
        for (Path p : inrFiles(out)) {
            assertArrayEquals(Files.readAllBytes(encoded.resolve(out.relativize(p))), Files.readAllBytes(p), p.toString());
        }
    }

    @Test
    void onAnObjectStoreOutputsAreWrittenUnderTheirFinalNames() throws IOException {
        spark.sparkContext().hadoopConfiguration().set("fs." + ObjectStoreFileSystem.SCHEME + ".impl",
                ObjectStoreFileSystem.class.getName());
        Path out = dir.resolve("store");
        ObjectStoreFileSystem.CREATED.clear();
        JobSummary s = InrJob.run(spark, encode(archive.toString(), ObjectStoreFileSystem.SCHEME + "://" + out));
        assertEquals(GOOD_FILES, s.ok());
        List<String> outputs = ObjectStoreFileSystem.CREATED.stream().filter(p -> p.endsWith(".inr")).sorted().toList();
        assertEquals(GOOD_FILES, outputs.size(), ObjectStoreFileSystem.CREATED.toString());
        assertTrue(ObjectStoreFileSystem.CREATED.stream().noneMatch(p -> p.endsWith(HadoopFiles.TEMPORARY_SUFFIX)),
                ObjectStoreFileSystem.CREATED.toString());
        for (Path p : inrFiles(out)) {
            assertArrayEquals(Files.readAllBytes(encoded.resolve(out.relativize(p))), Files.readAllBytes(p), p.toString());
        }
    }

    @Test
    void verifyFlagsAFlippedByte() throws IOException {
        Path out = TestArchive.copyTree(encoded, dir.resolve("flipped"));
        Path damaged = out.resolve("photos/more photos/kodim09.tif.inr");
        byte[] file = Files.readAllBytes(damaged);
        file[file.length - 40] ^= 0x10;
        Files.write(damaged, file);
        for (String originals : new String[] {null, archive.toString()}) {
            Path manifest = dir.resolve("verify-" + (originals == null ? "self" : "originals"));
            JobOptions o = JobOptions.of(JobOptions.Command.VERIFY, out.toString(), originals)
                    .withManifest(manifest.toString(), "parquet");
            JobSummary s = InrJob.run(spark, o);
            assertEquals(GOOD_FILES, s.files(), "only the .inr files are verified");
            assertEquals(GOOD_FILES - 1, s.ok());
            assertEquals(1, s.errors());
            Map<String, Row> rows = manifest(manifest, out);
            Row bad = rows.get("photos/more photos/kodim09.tif.inr");
            assertEquals(ManifestRow.ERROR, bad.getAs("status"));
            assertTrue(s.firstErrors().get(0).contains("kodim09.tif.inr"), s.firstErrors().toString());
        }
    }

    @Test
    void decodeGivesBackEveryOriginalSample() throws IOException {
        Path out = dir.resolve("decoded");
        JobSummary s = InrJob.run(spark, JobOptions.of(JobOptions.Command.DECODE, encoded.toString(), out.toString()));
        assertEquals(GOOD_FILES, s.ok());
        for (Path original : originals()) {
            Path back = out.resolve(archive.relativize(original).toString());
            assertEquals(TestArchive.read(original), TestArchive.read(back), back.toString());
        }
        assertEquals(List.of(), leftovers(out));
        JobSummary again = InrJob.run(spark, JobOptions.of(JobOptions.Command.DECODE, encoded.toString(), out.toString()));
        assertEquals(GOOD_FILES, again.skipped());
    }

    @Test
    void theCommandLineExitsNonZeroOnlyWhenAsked() {
        String[] args = {"encode", "--in", archive.toString(), "--out", dir.resolve("cli").toString()};
        assertEquals(JobCommand.OK, JobCommand.execute(args));
        String[] failing = Stream.concat(Stream.of(args), Stream.of("--fail-on-error")).toArray(String[]::new);
        assertEquals(JobCommand.FILE_ERRORS, JobCommand.execute(failing));
        assertEquals(JobCommand.USAGE, JobCommand.execute("encode", "--in", dir.resolve("missing").toString(),
                "--out", dir.resolve("cli2").toString()));
        assertEquals(JobCommand.USAGE, JobCommand.execute("encode", "--in", archive.toString(), "--out",
                dir.resolve("cli3").toString(), "--preset", "fastest"));
        assertFalse(spark.sparkContext().isStopped(), "a session the caller owns is left running");
    }

    @Test
    void aMissingInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> InrJob.run(spark,
                encode(dir.resolve("nothing-here").toString(), dir.resolve("x").toString())));
    }

    @Test
    void namesUnderAGlobAreRelativeToItsFixedPart() throws IOException {
        var conf = spark.sparkContext().hadoopConfiguration();
        String base = Listing.base(archive + "/photos/*/kodim0[1-3].png", conf);
        assertEquals(archive.resolve("photos").toUri().getPath().replaceAll("/$", ""), java.net.URI.create(base).getPath());
        assertEquals("kodak/kodim01.png", Listing.relative(base + "/kodak/kodim01.png", base));
        assertNotEquals(base, Listing.base(archive.toString(), conf));
    }

    /** The manifest's rows by input name under {@code base}. */
    private Map<String, Row> manifest(Path path, Path base) throws IOException {
        boolean parquet;
        try (Stream<Path> s = Files.list(path)) {
            parquet = s.anyMatch(p -> p.toString().endsWith(".parquet"));
        }
        Map<String, Row> rows = new HashMap<>();
        for (Row r : (parquet ? spark.read().parquet(path.toString())
                : spark.read().schema(Encoders.bean(ManifestRow.class).schema()).json(path.toString())).collectAsList()) {
            String input = r.getAs("input");
            rows.put(input.substring(input.indexOf(base.toString()) + base.toString().length() + 1), r);
        }
        return rows;
    }

    private static JobOptions encode(String in, String out) {
        return JobOptions.of(JobOptions.Command.ENCODE, in, out);
    }

    private List<Path> originals() throws IOException {
        try (Stream<Path> s = Files.walk(archive)) {
            return s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals("broken.png"))
                    .filter(p -> !p.getFileName().toString().endsWith(".sh")).sorted().toList();
        }
    }

    private static List<Path> inrFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".inr")).sorted().toList();
        }
    }

    /** Temporary files, or .crc files a checksumming file system would have left. */
    private static List<Path> leftovers(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> !p.startsWith(dir.resolve("_manifest"))).map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(HadoopFiles.TEMPORARY_SUFFIX) || n.endsWith(".crc")).map(Path::of).toList();
        }
    }
}
