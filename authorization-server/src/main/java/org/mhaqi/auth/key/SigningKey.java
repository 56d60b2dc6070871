package org.mhaqi.auth.key;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The RSA key tokens are signed with (RS256). Its key id is the RFC 7638 thumbprint of the public
 * key, so the same key file gives the same {@code kid} on every start and tokens issued before a
 * restart still verify.
 */
public final class SigningKey {

  private static final Pattern PEM =
      Pattern.compile("-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");

  private SigningKey() {}

  /** A fresh key that lives as long as this process. */
  public static RSAKey generate() {
    return toJwk(newKey());
  }

  /** The key in the file (PKCS#8 PEM); if the file does not exist, a new key written to it. */
  public static RSAKey fromFile(Path file) {
    if (!Files.exists(file)) {
      RSAPrivateCrtKey key = newKey();
      try {
        write(file, key);
      } catch (FileAlreadyExistsException raced) {
        // Another process created it meanwhile: use that one.
        return toJwk(read(file));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the signing key " + file, e);
      }
      return toJwk(key);
    }
    return toJwk(read(file));
  }

  private static RSAPrivateCrtKey newKey() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return (RSAPrivateCrtKey) generator.generateKeyPair().getPrivate();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static RSAPrivateCrtKey read(Path file) {
    try {
      Matcher pem = PEM.matcher(Files.readString(file, StandardCharsets.US_ASCII));
      if (!pem.find()) {
        throw new IllegalStateException(
            file + " holds no PKCS#8 PEM private key (-----BEGIN PRIVATE KEY-----)");
      }
      byte[] der = Base64.getMimeDecoder().decode(pem.group(1).replaceAll("\\s", ""));
      return (RSAPrivateCrtKey)
          KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the signing key " + file, e);
    } catch (GeneralSecurityException | ClassCastException e) {
      throw new IllegalStateException(file + " holds no RSA private key: " + e.getMessage(), e);
    }
  }

  /** Writes the key readable by its owner only; fails if the file appeared meanwhile. */
  private static void write(Path file, RSAPrivateCrtKey key) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    if (dir != null) {
      Files.createDirectories(dir);
    }
    String pem =
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded())
            + "\n-----END PRIVATE KEY-----\n";
    try {
      // Created owner-only from the start, so the key is never readable by others.
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException notPosix) {
      Files.createFile(file); // Windows: the file keeps its directory's permissions.
    }
    Files.writeString(file, pem, StandardCharsets.US_ASCII, StandardOpenOption.WRITE);
  }

  private static RSAKey toJwk(RSAPrivateCrtKey key) {
    try {
      RSAPublicKey publicKey =
          (RSAPublicKey)
              KeyFactory.getInstance("RSA")
                  .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
      return new RSAKey.Builder(publicKey)
          .privateKey(key)
          .keyUse(KeyUse.SIGNATURE)
          .algorithm(JWSAlgorithm.RS256)
          .keyIDFromThumbprint()
          .build();
    } catch (GeneralSecurityException | JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
