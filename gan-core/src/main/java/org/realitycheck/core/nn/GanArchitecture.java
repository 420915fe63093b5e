package org.realitycheck.core.nn;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A generator and a discriminator that fit together: image-to-image (U-Net + PatchGAN, pix2pix) or
 * vector-to-vector (MLP + MLP). Recorded in the model card, so it round-trips through JSON.
 *
 * @param generator the generator spec
 * @param discriminator the discriminator spec
 */
public record GanArchitecture(Spec generator, Spec discriminator) {
    public GanArchitecture {
        Objects.requireNonNull(generator, "generator");
        Objects.requireNonNull(discriminator, "discriminator");
    }

    /** pix2pix sized for a CPU. */
    public static GanArchitecture pix2pix(UNetSpec g, PatchGanSpec d) {
        return new GanArchitecture(g, d);
    }

    /** MLP generator and discriminator for vectors. */
    public static GanArchitecture mlp(MlpGeneratorSpec g, MlpDiscriminatorSpec d) {
        return new GanArchitecture(g, d);
    }

    /** A network description; the builders in this package turn one into a SameDiff graph. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = UNetSpec.class, name = "unet"),
        @JsonSubTypes.Type(value = PatchGanSpec.class, name = "patchgan"),
        @JsonSubTypes.Type(value = MlpGeneratorSpec.class, name = "mlp-generator"),
        @JsonSubTypes.Type(value = MlpDiscriminatorSpec.class, name = "mlp-discriminator"),
        @JsonSubTypes.Type(value = ExternalSpec.class, name = "external")
    })
    public sealed interface Spec permits UNetSpec, PatchGanSpec, MlpGeneratorSpec, MlpDiscriminatorSpec, ExternalSpec {
    }
}
