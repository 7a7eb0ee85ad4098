package io.feedgram.webhook;

/**
 * The columns an event is stored and searched by; any may be null. {@code participantId} is the
 * other person of a direct-message thread, {@code inbound} whether that person wrote (which opens
 * the reply window).
 */
record EventFacts(String senderId, String senderName, String participantId, boolean inbound, String mediaId,
                  String commentId, String messageId, String text) {
}
