package io.streampulse.streamer.onvif.soap;

/**
 * A WS-Security UsernameToken from the SOAP header.
 *
 * @param digest   true for PasswordDigest (Base64 SHA-1 of nonce + created + password), false for PasswordText
 * @param nonce    Base64 as sent (empty when absent)
 * @param created  the wsu:Created timestamp as sent (empty when absent)
 */
public record UsernameToken(String username, String password, boolean digest, String nonce, String created) {
}
