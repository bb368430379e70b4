package feedline.common.metrics;

import java.util.List;

/**
 * A corpus BLEU result with its sufficient statistics, as sacrebleu reports it.
 *
 * @param score BLEU on the 0..100 scale
 * @param counts matched n-grams per order (1..max order)
 * @param totals hypothesis n-grams per order
 * @param precisions smoothed n-gram precisions (0..100)
 * @param brevityPenalty the brevity penalty
 * @param sysLen total hypothesis tokens
 * @param refLen total closest-reference tokens
 * @param tokenizer the tokenizer name (13a, zh, char, none)
 */
public record BleuScore(double score, List<Long> counts, List<Long> totals, List<Double> precisions,
    double brevityPenalty, long sysLen, long refLen, String tokenizer) {}
