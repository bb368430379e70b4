package feedline.trainer.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import feedline.common.sft.ShardPosition;
import feedline.trainer.data.BatchStream;
import feedline.trainer.optim.LossScaler;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The loop state a checkpoint's {@code state.json} holds besides tensors: step, data position,
 * early-stopping bookkeeping and counters. Dropout randomness is a function of (seed, step,
 * micro-batch), so the seed restores it. {@code scaler} is the fp16 loss scaler's state (null
 * when the run does not scale its loss).
 */
public record TrainState(
    int step,
    BatchStream.Position data,
    double bestValLoss,
    int bestStep,
    int evalsWithoutImprovement,
    long tokensSeen,
    long seed,
    String method,
    LossScaler.State scaler) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public void write(Path file) throws IOException {
    ObjectNode n = JSON.createObjectNode();
    n.put("step", step);
    n.put("epoch", data.epoch());
    n.put("block_start", data.blockStart().toString());
    n.put("block_offset", data.offset());
    if (Double.isFinite(bestValLoss)) n.put("best_val_loss", bestValLoss);
    n.put("best_step", bestStep);
    n.put("evals_without_improvement", evalsWithoutImprovement);
    n.put("tokens_seen", tokensSeen);
    n.put("seed", seed);
    n.put("rng", "dropout seeded per micro-batch from (seed, step, micro)");
    n.put("method", method);
    if (scaler != null) {
      n.put("loss_scale", scaler.scale());
      n.put("loss_scale_clean_steps", scaler.cleanSteps());
      n.put("skipped_steps", scaler.skippedSteps());
    }
    JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), n);
  }

  public static TrainState read(Path file) throws IOException {
    JsonNode n = JSON.readTree(file.toFile());
    return new TrainState(n.path("step").asInt(),
        new BatchStream.Position(n.path("epoch").asInt(), ShardPosition.parse(n.path("block_start").asText()), n.path("block_offset").asInt()),
        n.has("best_val_loss") ? n.get("best_val_loss").asDouble() : Double.POSITIVE_INFINITY, n.path("best_step").asInt(),
        n.path("evals_without_improvement").asInt(), n.path("tokens_seen").asLong(), n.path("seed").asLong(), n.path("method").asText(),
        n.has("loss_scale") ? new LossScaler.State(n.get("loss_scale").asDouble(), n.path("loss_scale_clean_steps").asInt(),
            n.path("skipped_steps").asLong()) : null);
  }
}
