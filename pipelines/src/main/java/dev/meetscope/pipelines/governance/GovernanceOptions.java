package dev.meetscope.pipelines.governance;

import dev.meetscope.transforms.governance.GateSettings;
import dev.meetscope.transforms.governance.PseudonymKey;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * The identity options every job that writes people's rows shares (docs/governance.md §3, §4, §8): the
 * opt-out list, the pseudonym key reference and {@code --includeIdentities}. The nightly and the streaming
 * options extend it, so both jobs key the same person the same way under the same key.
 */
public interface GovernanceOptions extends PipelineOptions {

  @Description("Consent (docs/governance.md §2): manifest (analyse a meeting when its meeting.json says "
      + "\"analytics_enabled\": true or its host or meeting is on --consentAllowList), allowlist (only the "
      + "allow list counts) or all (pilots with consent collected elsewhere). An explicit "
      + "\"analytics_enabled\": false always wins. Other meetings are counted and skipped. Webhook events "
      + "carry no manifest, so in the stream job only the allow list or all give consent.")
  @Default.String("manifest")
  String getConsentMode();

  void setConsentMode(String value);

  @Description("Optional consent allow list (local or gs://): one host email, host id, meeting id or "
      + "meeting UUID per line, host: and meeting: prefixes, # comments.")
  String getConsentAllowList();

  void setConsentAllowList(String value);

  @Description("Optional opt-out list (local or gs://): one email, customer key or display name per line "
      + "(prefixes email:, ck:, uid:, reg:, name:), # comments. Their text and identity leave the job right "
      + "after parsing; a bad line stops the run.")
  String getOptOut();

  void setOptOut(String value);

  @Description("Reference to the HMAC key of participant_key: file:PATH, env:VAR or "
      + "projects/P/secrets/S/versions/V. Never the key itself. Without it a random per-run key is used "
      + "(keys unlinkable across runs; refused on DataflowRunner).")
  String getPseudonymKey();

  void setPseudonymKey(String value);

  @Description("Write display names and emails into the host-facing per-person tables (participant_meeting, "
      + "participant_session, meeting_event, utterance, chat_message, views/host). Default false: no output "
      + "carries a name or an email.")
  @Default.Boolean(false)
  boolean getIncludeIdentities();

  void setIncludeIdentities(boolean value);

  /**
   * Checks the three options before a graph is built: the opt-out list is read and parsed, the key
   * reference is checked for shape (and, for {@code file:} and {@code env:}, read), and Dataflow needs a
   * reference. Throws {@link IllegalArgumentException} naming the option.
   */
  static void validate(GovernanceOptions options) {
    gateSettings(options).check(); // the consent mode, and both lists read and parsed
    String reference = options.getPseudonymKey();
    if (reference != null) {
      PseudonymKey key = PseudonymKey.of(reference);
      String r = reference.strip();
      if (r.startsWith("file:") || r.startsWith("env:")) {
        key.pseudonymizer(); // fail now, not on a worker: a missing file or variable, a short key
      }
    } else if (options.getRunner() != null && options.getRunner().getSimpleName().equals("DataflowRunner")) {
      throw new IllegalArgumentException("--pseudonymKey: DataflowRunner needs a key reference "
          + "(file:PATH, env:VAR or projects/P/secrets/S/versions/V); a random per-run key would travel "
          + "inside the uploaded job graph");
    }
  }

  /** The gate's settings: {@code --consentMode}, {@code --consentAllowList} and {@code --optOut}. */
  static GateSettings gateSettings(GovernanceOptions options) {
    return GateSettings.defaults().withConsentMode(options.getConsentMode())
        .withAllowList(options.getConsentAllowList()).withOptOut(options.getOptOut());
  }

  /** The HMAC key of participant_key: {@code --pseudonymKey}, or a random key for this run only. */
  static PseudonymKey pseudonymKey(GovernanceOptions options) {
    return options.getPseudonymKey() == null ? PseudonymKey.ephemeral() : PseudonymKey.of(options.getPseudonymKey());
  }
}
