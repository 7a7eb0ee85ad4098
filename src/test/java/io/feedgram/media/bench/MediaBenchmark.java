package io.feedgram.media.bench;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import io.feedgram.media.ImageInspector;
import io.feedgram.media.ImageNormaliser;
import io.feedgram.media.InspectedMedia;
import io.feedgram.media.MediaDecider;
import io.feedgram.media.MediaDecision;
import io.feedgram.media.MediaSettings;
import io.feedgram.media.MediaTarget;
import io.feedgram.media.NormalisedImage;

/**
 * How fast and how hungry {@link ImageNormaliser} is on camera-sized originals. Not a test (no
 * {@code Test} suffix, no {@code @Test}): surefire never runs it. Run it from the repository root:
 *
 * <pre>
 * mvn -B -q test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *     -Dexec.args="-Xmx1g -cp %classpath io.feedgram.media.bench.MediaBenchmark"
 * </pre>
 *
 * {@code exec:exec} forks a JVM, so the {@code -Xmx} above is the heap measured (Maven's own
 * settings play no part). Optional arguments after the class name: runs per image (default 20)
 * and warm-up runs (default 5).
 *
 * <p>Each original is decided as {@code MediaPreparer} decides a single feed image (the
 * {@link MediaDecider} with the default settings, target FEED_IMAGE), then converted with that plan:
 * <ul>
 *   <li>a 12-megapixel PNG (4000×3000): Instagram takes JPEG only, so it is converted;</li>
 *   <li>a 50-megapixel JPEG (8688×5792, as a 50 MP camera writes it) with sensor-like grain, so
 *       that it is larger than Instagram's 8 MiB and is recompressed.</li>
 * </ul>
 * Times are wall-clock per {@code normalise} call on one thread. The bursts convert 20 copies one
 * at a time, then 10 at a time (the size of the thread pool the publishing route's parallel split
 * uses by default), each after a GC and a reset of every heap pool's peak; they print the sum of
 * the pools' peaks (an upper bound: pools peak at different moments) and the most heap seen in use
 * by a sampler reading every millisecond.
 */
public final class MediaBenchmark {

    private static final int BURST = 20;
    private static final int BURST_THREADS = 10;
    private static final int GRAIN = 8;

    private final ImageNormaliser normaliser = new ImageNormaliser(MediaSettings.DEFAULTS);
    private final MediaDecider decider = new MediaDecider(MediaSettings.DEFAULTS);
    private final ImageInspector inspector = new ImageInspector();

    record Original(String label, byte[] bytes) {
    }

    record Row(String label, int originalBytes, int convertedBytes, String description, double medianMs, double p95Ms,
               Burst oneAtATime, Burst tenAtATime) {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        MediaBenchmark bench = new MediaBenchmark();
        long maxHeap = Runtime.getRuntime().maxMemory();
        System.out.printf(Locale.ROOT, "Java %s, %d processors, max heap %d MiB (%s)%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), maxHeap >> 20,
                String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
        List<Original> originals = List.of(
                new Original("12 MP PNG 4000×3000", png(photo(4000, 3000, 7))),
                new Original("50 MP JPEG 8688×5792", jpeg(photo(8688, 5792, 11), 0.9f)));
        List<Row> rows = new ArrayList<>();
        for (Original original : originals) {
            rows.add(bench.measure(original, runs, warmUp));
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "Conversion time: %d runs each after %d warm-up runs, one thread%n%n", runs, warmUp);
        System.out.printf(Locale.ROOT, "| %-21s | %11s | %9s | %9s | %9s | %9s |%n",
                "image", "original B", "JPEG B", "JPEG/orig", "median ms", "p95 ms");
        System.out.println("|-----------------------|-------------|-----------|-----------|-----------|-----------|");
        for (Row row : rows) {
            System.out.printf(Locale.ROOT, "| %-21s | %11d | %9d | %8.1f%% | %9.0f | %9.0f |%n",
                    row.label(), row.originalBytes(), row.convertedBytes(),
                    100.0 * row.convertedBytes() / row.originalBytes(), row.medianMs(), row.p95Ms());
        }
        System.out.printf(Locale.ROOT, "%nHeap during a burst of %d conversions (-Xmx %d MiB; each task holds its own copy"
                + " of the original, as MediaPreparer reads each download into its own array)%n%n", BURST, maxHeap >> 20);
        System.out.printf(Locale.ROOT, "| %-21s | %8s | %16s | %15s | %8s |%n",
                "image", "at once", "heap pool peaks", "heap used seen", "burst s");
        System.out.println("|-----------------------|----------|------------------|-----------------|----------|");
        for (Row row : rows) {
            for (Burst burst : List.of(row.oneAtATime(), row.tenAtATime())) {
                System.out.printf(Locale.ROOT, "| %-21s | %8d | %12d MiB | %11d MiB | %8.1f |%n", row.label(),
                        burst.threads(), burst.poolPeaks() >> 20, burst.sampledPeak() >> 20, burst.seconds());
            }
        }
        System.out.println();
        rows.forEach(row -> System.out.println(row.label() + ": " + row.description()));
    }

    private Row measure(Original original, int runs, int warmUp) throws Exception {
        System.out.println(original.label() + ": " + original.bytes().length + " bytes");
        MediaDecision.Normalise plan = plan(original);
        System.out.println(original.label() + ": plan " + plan.steps());
        NormalisedImage last = null;
        for (int i = 0; i < warmUp; i++) {
            last = normaliser.normalise(original.bytes(), plan);
        }
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            last = normaliser.normalise(original.bytes(), plan);
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return new Row(original.label(), original.bytes().length, last.jpeg().length, last.description(),
                percentile(millis, 50), percentile(millis, 95), burst(original, plan, 1), burst(original, plan, BURST_THREADS));
    }

    record Burst(int threads, long poolPeaks, long sampledPeak, double seconds) {
    }

    /** {@value #BURST} conversions, {@code threads} at a time, with the heap's peak measured. */
    private Burst burst(Original original, MediaDecision.Normalise plan, int threads) throws Exception {
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        System.gc();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        AtomicLong seen = new AtomicLong();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                seen.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    TimeUnit.MILLISECONDS.sleep(1);   // a sampling period, not a wait for an outcome
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.start();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        try {
            List<Future<NormalisedImage>> done = new ArrayList<>();
            for (int i = 0; i < BURST; i++) {
                done.add(pool.submit(() -> normaliser.normalise(original.bytes().clone(), plan)));
            }
            for (Future<NormalisedImage> future : done) {
                future.get();
            }
        } finally {
            pool.shutdown();
            running.set(false);
            sampler.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long peaks = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        return new Burst(threads, peaks, seen.get(), seconds);
    }

    private MediaDecision.Normalise plan(Original original) throws IOException {
        MediaDecision decision = decider.decide(new InspectedMedia("bench:" + original.label(),
                inspector.inspect(original.bytes())), MediaTarget.FEED_IMAGE);
        if (decision instanceof MediaDecision.Normalise plan) {
            return plan;
        }
        throw new IllegalStateException(original.label() + " would not be converted: " + decision);
    }

    private static double percentile(double[] sorted, int percent) {
        // nearest rank
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    /**
     * A photo-like picture: a sky-to-ground gradient, a few thousand soft shapes, and sensor grain
     * of ±{@value #GRAIN} levels, which is what makes a camera's files as large as they are.
     */
    static BufferedImage photo(int width, int height, long seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setPaint(new GradientPaint(0, 0, new Color(0x7FB2E5), 0, height, new Color(0x3D5A2A)));
            g.fillRect(0, 0, width, height);
            Random random = new Random(seed);
            int shapes = width * height / 20_000;
            for (int i = 0; i < shapes; i++) {
                g.setColor(new Color(random.nextInt(0xFFFFFF)));
                int size = 8 + random.nextInt(Math.max(9, width / 40));
                g.fillOval(random.nextInt(width), random.nextInt(height), size, size * (1 + random.nextInt(3)) / 2);
            }
        } finally {
            g.dispose();
        }
        byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        Random grain = new Random(seed);
        for (int i = 0; i < pixels.length; i++) {
            int value = (pixels[i] & 0xFF) + grain.nextInt(2 * GRAIN + 1) - GRAIN;
            pixels[i] = (byte) Math.max(0, Math.min(255, value));
        }
        return image;
    }

    static byte[] png(BufferedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static byte[] jpeg(BufferedImage image, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
