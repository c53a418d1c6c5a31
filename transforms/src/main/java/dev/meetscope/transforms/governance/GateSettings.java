package dev.meetscope.transforms.governance;

import dev.meetscope.models.governance.AllowList;
import dev.meetscope.models.governance.ConsentMode;
import dev.meetscope.models.governance.ConsentPolicy;
import dev.meetscope.models.governance.GovernanceGate;
import dev.meetscope.models.governance.OptOutList;
import dev.meetscope.models.parse.TextDecoding;
import java.io.Serializable;

/**
 * What the governance gate needs: {@code --consentMode}, the allow-list file and the opt-out file (local or
 * gs://). Only the paths are serialized into the job; each worker reads the lists in {@code @Setup}, so the
 * names and emails of people who opted out are not copied into the job graph. {@link #check()} reads and
 * parses both once at graph construction, so a bad line stops the run before it starts.
 */
public final class GateSettings implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String consentMode;
  private final String allowListPath;
  private final String optOutPath;

  private GateSettings(String consentMode, String allowListPath, String optOutPath) {
    this.consentMode = consentMode;
    this.allowListPath = blankToNull(allowListPath);
    this.optOutPath = blankToNull(optOutPath);
  }

  /** {@code --consentMode=manifest}, no allow list, no opt-outs. */
  public static GateSettings defaults() {
    return new GateSettings(ConsentMode.MANIFEST.optionValue(), null, null);
  }

  public GateSettings withConsentMode(String mode) {
    ConsentMode.parse(mode);
    return new GateSettings(mode, allowListPath, optOutPath);
  }

  public GateSettings withAllowList(String path) {
    return new GateSettings(consentMode, path, optOutPath);
  }

  public GateSettings withOptOut(String path) {
    return new GateSettings(consentMode, allowListPath, path);
  }

  public String consentMode() {
    return ConsentMode.parse(consentMode).optionValue();
  }

  /** Reads and parses the lists; throws {@link dev.meetscope.models.governance.InvalidOptionException}. */
  public GateSettings check() {
    gate();
    return this;
  }

  /** Builds the gate (reads both lists). */
  public GovernanceGate gate() {
    return new GovernanceGate(consentPolicy(), optOut());
  }

  /** The consent policy alone (reads the allow list). */
  public ConsentPolicy consentPolicy() {
    return new ConsentPolicy(ConsentMode.parse(consentMode), allowList());
  }

  public OptOutList optOut() {
    return optOutPath == null ? OptOutList.empty()
        : OptOutList.parse(GovernanceFiles.read(OptOutList.OPTION, optOutPath));
  }

  private AllowList allowList() {
    if (allowListPath == null) {
      return AllowList.empty();
    }
    byte[] bytes = GovernanceFiles.read(AllowList.OPTION, allowListPath);
    TextDecoding.Decoded text = TextDecoding.decodeUtf8(bytes);
    if (!text.ok()) {
      throw new dev.meetscope.models.governance.InvalidOptionException(AllowList.OPTION,
          "the file is not valid UTF-8 (first bad byte at offset " + text.invalidByteOffset() + ")");
    }
    return AllowList.parse(text.text());
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  @Override
  public String toString() {
    return "GateSettings[consentMode=" + consentMode + ", allowList=" + (allowListPath != null)
        + ", optOut=" + (optOutPath != null) + "]";
  }
}
