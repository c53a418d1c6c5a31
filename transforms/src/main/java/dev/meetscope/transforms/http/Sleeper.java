package dev.meetscope.transforms.http;

import java.time.Duration;

/** Every wait of an HTTP client here (Zoom API, Pub/Sub, webhook payloads) goes through this, so tests record waits instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
  Sleeper SYSTEM = d -> Thread.sleep(Math.max(0, d.toMillis()));

  void sleep(Duration duration) throws InterruptedException;
}
