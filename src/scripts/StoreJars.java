import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites every jar under a packaged application's folder with its entries stored, not deflated: same entries, order,
 * names, times, extra fields and comments, same bytes once read. Run by appcds.sh before it trains the class-data archive.
 * <p>
 * Why: Quarkus' class loader reads each class's bytes from its jar even when the class-data archive holds the class (the
 * JVM then takes the archived copy), so a start inflated ~230 ms of class files on 2 cores
 * (src/bench/results/startup-2026-11-29d.txt). A stored jar is read without inflating; the jars grow from 62 to
 * 154 MB. Jars already stored are left as they are.
 * <p>
 * Usage: {@code java src/scripts/StoreJars.java APP_DIR}
 */
public final class StoreJars {

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: java StoreJars.java APP_DIR");
            System.exit(2);
        }
        List<Path> jars;
        try (Stream<Path> files = Files.walk(Path.of(args[0]))) {
            jars = files.filter(p -> p.toString().endsWith(".jar") && Files.isRegularFile(p)).sorted().toList();
        }
        int rewritten = 0;
        long before = 0;
        long after = 0;
        for (Path jar : jars) {
            before += Files.size(jar);
            if (store(jar)) {
                rewritten++;
            }
            after += Files.size(jar);
        }
        System.out.printf("StoreJars: %d of %d jars rewritten stored, %d -> %d MB%n", rewritten, jars.size(),
                before >> 20, after >> 20);
    }

    /** Returns false when every entry was stored already (nothing written). */
    static boolean store(Path jar) throws IOException {
        Path tmp = jar.resolveSibling(jar.getFileName() + ".storing");
        try (ZipFile in = new ZipFile(jar.toFile())) {
            List<? extends ZipEntry> entries = Collections.list(in.entries());
            if (entries.stream().allMatch(e -> e.getMethod() == ZipEntry.STORED)) {
                return false;
            }
            try (OutputStream file = Files.newOutputStream(tmp);
                 ZipOutputStream out = new ZipOutputStream(new BufferedOutputStream(file, 1 << 16))) {
                out.setMethod(ZipOutputStream.STORED);
                if (in.getComment() != null) {
                    out.setComment(in.getComment());
                }
                for (ZipEntry e : entries) {
                    byte[] data;
                    try (InputStream s = in.getInputStream(e)) {
                        data = s.readAllBytes();
                    }
                    ZipEntry copy = new ZipEntry(e.getName());
                    copy.setMethod(ZipEntry.STORED);
                    copy.setTime(e.getTime());
                    if (e.getExtra() != null) {
                        copy.setExtra(e.getExtra());
                    }
                    if (e.getComment() != null) {
                        copy.setComment(e.getComment());
                    }
                    CRC32 crc = new CRC32();
                    crc.update(data);
                    copy.setSize(data.length);
                    copy.setCompressedSize(data.length);
                    copy.setCrc(crc.getValue());
                    out.putNextEntry(copy);
                    out.write(data);
                    out.closeEntry();
                }
            }
        } catch (IOException | RuntimeException ex) {
            Files.deleteIfExists(tmp);
            throw ex;
        }
        // the jar keeps its modification time, as a copy with cp -a would (the archive trained next records it)
        Files.setLastModifiedTime(tmp, Files.getLastModifiedTime(jar));
        Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return true;
    }
}
