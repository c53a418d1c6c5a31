package dev.meetscope.transforms.zoomapi;

import java.time.Duration;

/** Every wait of the Zoom client goes through this, so tests record waits instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
  Sleeper SYSTEM = d -> Thread.sleep(Math.max(0, d.toMillis()));

  void sleep(Duration duration) throws InterruptedException;
}
