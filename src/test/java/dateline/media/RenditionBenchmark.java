package dateline.media;

import com.sun.management.ThreadMXBean;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Renditions per second and memory per rendition from a 24-megapixel JPEG (6000×4000), as the server
 * makes them on a first request: decode at reduced resolution, crop, scale, encode. Not a test (no
 * assertions, not run by the suite); bench/renditions.sh runs it: {@code RenditionBenchmark [seconds]}.
 * Memory is what one rendition allocates on its thread (ThreadMXBean), and the heap's peak in use.
 */
public final class RenditionBenchmark {
    private RenditionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        ImageIO.scanForPlugins();
        byte[] photo = photo(6000, 4000);
        System.out.printf("original: 6000x4000 JPEG, %.1f MB%n", photo.length / 1e6);
        List<RenditionMaker.Order> orders = new ArrayList<>();
        for (RenditionFormat format : RenditionFormat.values()) {
            for (int width : new int[]{320, 640, 960, 1280, 1920}) {
                orders.add(new RenditionMaker.Order(ImageFormat.JPEG, 1, 0.5, 0.5, width, null, format));
            }
        }
        orders.add(new RenditionMaker.Order(ImageFormat.JPEG, 1, 0.3, 0.4, 1280, AspectRatio.parse("16:9"), RenditionFormat.JPEG));
        run(photo, orders, 2, false); // warm-up: JIT, libwebp loaded
        System.out.printf("%-18s %8s %12s %14s %10s%n", "rendition", "per s", "ms each", "MB allocated", "KB out");
        for (RenditionMaker.Order order : orders) {
            run(photo, List.of(order), seconds / 3.0, true);
        }
        long start = System.nanoTime();
        int made = run(photo, orders, seconds, false);
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf("mixed menu, one thread: %.2f renditions/s over %.0f s%n", made / elapsed, elapsed);
        System.out.printf("peak heap used: %.0f MB (-Xmx %d MB)%n", peakHeap() / 1e6, Runtime.getRuntime().maxMemory() / 1_000_000);
    }

    private static int run(byte[] photo, List<RenditionMaker.Order> orders, double seconds, boolean report) throws Exception {
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        int made = 0;
        long allocated = 0;
        long bytesOut = 0;
        long started = System.nanoTime();
        do {
            for (RenditionMaker.Order order : orders) {
                long before = threads.getThreadAllocatedBytes(tid);
                bytesOut += RenditionMaker.make(photo, order).length;
                allocated += threads.getThreadAllocatedBytes(tid) - before;
                made++;
            }
        } while (System.nanoTime() < deadline);
        if (report) {
            RenditionMaker.Order o = orders.get(0);
            double elapsed = (System.nanoTime() - started) / 1e9;
            System.out.printf("%-18s %8.2f %12.0f %14.1f %10.0f%n",
                    o.width() + (o.ratio() == null ? "" : " " + o.ratio()) + "." + o.format().extension(),
                    made / elapsed, elapsed * 1000 / made, allocated / 1e6 / made, bytesOut / 1024.0 / made);
        }
        return made;
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    /** A photograph-like 24 MP JPEG: gradients and noise, so the encoder has detail to work on. */
    private static byte[] photo(int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(30, 60, 120), width, height, new Color(230, 180, 90)));
        g.fillRect(0, 0, width, height);
        Random random = new Random(18);
        for (int i = 0; i < 4000; i++) {
            g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256), 90));
            g.fillOval(random.nextInt(width), random.nextInt(height), 20 + random.nextInt(300), 20 + random.nextInt(300));
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }
}
