package org.realitycheck.onnx;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import org.realitycheck.core.BadInputException;
import org.realitycheck.core.model.ModelFormat;
import org.realitycheck.core.model.Models;
import org.realitycheck.core.model.ImportFidelity;

/**
 * {@code *.onnx} files for {@link Models#load}: reads the card beside the model ({@link OnnxCard#beside}),
 * opens the graph in ONNX Runtime, checks its inputs and output against the card, and runs the
 * import-fidelity check ({@link Fidelity}) before anything else sees the model.
 */
public final class OnnxModelFormat implements ModelFormat {
    @Override
    public String name() {
        return "onnx";
    }

    @Override
    public boolean accepts(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".onnx");
    }

    @Override
    public Models.Loaded load(Path file) {
        return load(file, OnnxCard.beside(file));
    }

    /**
     * Loads a model with a card named explicitly.
     *
     * @param model the {@code .onnx} file
     * @param cardFile its card
     * @return the generator (in the frame its card names) and the import-fidelity result
     * @throws BadInputException naming the file and the problem: no file, a bad card, a truncated or
     *     foreign model, inputs that do not fit the card, or outputs that do not reproduce the reference
     */
    @Override
    public Models.Loaded load(Path model, Path cardFile) {
        OnnxCard card = OnnxCard.read(cardFile);
        if (!java.nio.file.Files.isRegularFile(model)) {
            throw BadInputException.at(model, "", "no such file");
        }
        OnnxGenerator g = OnnxGenerator.open(model, card);
        try {
            ImportFidelity f = Fidelity.check(g);
            return new Models.Loaded(g, card.domainFrame(), Optional.of(f));
        } catch (RuntimeException e) {
            g.close();
            throw e;
        }
    }
}
