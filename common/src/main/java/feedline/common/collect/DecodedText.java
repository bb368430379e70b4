package feedline.common.collect;

/** Bytes decoded to text: the charset used, how confident the choice was and how many bytes could not be decoded. */
public record DecodedText(String text, String charset, int confidence, long undecodableBytes) {}
