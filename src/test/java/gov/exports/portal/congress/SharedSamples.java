package gov.exports.portal.congress;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The real sample files in ../shared/data/congress (read in place, never copied into the repository). */
public final class SharedSamples {

    private SharedSamples() {
    }

    /** test.shared.dir (../shared of the project); from a git worktree under /work/wt that is one level further up. */
    public static Path dir() {
        Path configured = Path.of(System.getProperty("test.shared.dir", "../shared"), "data", "congress");
        if (Files.isDirectory(configured)) {
            return configured;
        }
        Path fromWorktree = Path.of("..", "..", "shared", "data", "congress");
        return Files.isDirectory(fromWorktree) ? fromWorktree : configured;
    }

    public static byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(dir().resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(String relative) {
        return new String(bytes(relative), java.nio.charset.StandardCharsets.UTF_8);
    }
}
