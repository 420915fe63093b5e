/**
 * ONNX generators: a PyTorch or TensorFlow model exported to ONNX, run through ONNX Runtime, described
 * by a card beside it ({@link org.realitycheck.onnx.OnnxCard}) and accepted only after it reproduces its
 * source framework's reference outputs ({@link org.realitycheck.onnx.Fidelity}). Registered with gan-core
 * as a {@link org.realitycheck.core.model.ModelFormat}, so {@code Models.load} and {@code validate --model
 * x.onnx} take it like any other model. Format: docs/onnx.md.
 */
package org.realitycheck.onnx;
