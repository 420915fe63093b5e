package org.realitycheck.core.train;

import java.util.Map;

import org.realitycheck.core.model.GanModel;

/**
 * Callbacks from {@link GanTrainer}. Both methods default to doing nothing. They run on the
 * training thread, between updates, so they see a consistent model; keep them short.
 */
public interface TrainingListener {
    /**
     * Called after every generator update.
     *
     * @param step generator updates done so far, from 1
     * @param epoch the current epoch, from 1
     * @param losses {@code d} (discriminator loss of the last D update), {@code g_adv} (generator
     *     adversarial loss) and {@code g_l1} (mean |G(c) − y| on the network scale), before this update
     */
    default void onStep(long step, int epoch, Map<String, Double> losses) {
    }

    /**
     * Called after every epoch; the checkpoint hook.
     *
     * @param epoch epochs completed so far, from 1
     * @param model the live model, with an up-to-date card and training state
     */
    default void onEpochEnd(int epoch, GanModel model) {
    }
}
