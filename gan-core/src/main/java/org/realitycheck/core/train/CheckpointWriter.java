package org.realitycheck.core.train;

import java.nio.file.Path;
import java.util.Objects;

import org.realitycheck.core.model.GanModel;
import org.realitycheck.core.model.ModelArtifact;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes {@code checkpoint-epoch-NNNN.zip} (a full {@link ModelArtifact}, optimizer state included)
 * every {@code everyEpochs} epochs. {@link GanTrainer#resume} continues from one bit-identically.
 */
public final class CheckpointWriter implements TrainingListener {
    private static final Logger LOG = LoggerFactory.getLogger(CheckpointWriter.class);
    private final Path dir;
    private final int everyEpochs;

    /**
     * @param dir the folder to write into, created when missing; never null
     * @param everyEpochs write after every this many epochs, {@code >= 1}
     */
    public CheckpointWriter(Path dir, int everyEpochs) {
        if (everyEpochs < 1) {
            throw new IllegalArgumentException("everyEpochs must be >= 1, got " + everyEpochs);
        }
        this.dir = Objects.requireNonNull(dir, "dir");
        this.everyEpochs = everyEpochs;
    }

    /** @return the file the checkpoint after {@code epoch} epochs goes to */
    public Path fileFor(int epoch) {
        return dir.resolve(String.format("checkpoint-epoch-%04d.zip", epoch));
    }

    @Override
    public void onEpochEnd(int epoch, GanModel model) {
        if (epoch % everyEpochs != 0) {
            return;
        }
        ModelArtifact.write(model, fileFor(epoch));
        LOG.info("checkpoint after epoch {} written to {}", epoch, fileFor(epoch));
    }
}
