package dev.meetscope.models.nlp.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Positive and negative sentences written for the purpose. */
class ActionItemDetectorTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', nullValues = "-", value = {
      // sentence | rule | task | owner | ownerIsSpeaker | due | clear
      "I'll send the deck by Friday. | self | send the deck | - | true | by Friday | true",
      "Can you follow up with legal? | request | follow up with legal | - | false | - | false",
      "Action item: Dana to reconcile the March invoices by end of day. | explicit | reconcile the March invoices | Dana | false | by end of day | true",
      "I can have the budget deck ready by Tuesday. | self | have the budget deck ready | - | true | by Tuesday | true",
      "Grace, can you update the forecast spreadsheet by Monday? | request | update the forecast spreadsheet | Grace | false | by Monday | true",
      "Let me check with finance and get back to you. | self | check with finance and get back to you | - | true | - | false",
      "I'll take the action to review the capex requests. | self | review the capex requests | - | true | - | false",
      "Sure, I'll schedule the design review for next week. | self | schedule the design review | - | true | next week | true",
      "Dana will send the notes tomorrow. | assignment | send the notes | Dana | false | tomorrow | true",
      "TODO: update the roadmap slides | explicit | update the roadmap slides | - | false | - | false",
      "Um, I'm going to finish the postmortem before the next meeting. | self | finish the postmortem | - | true | before the next meeting | true",
      "Could you send me the variance report, Lee? | request | send me the variance report | Lee | false | - | false",
      "Action item: I will call the customer about the outage ASAP. | explicit | call the customer about the outage | - | true | ASAP | true",
      "Yes, no problem, I'll ping the recruiter after the call. | self | ping the recruiter | - | true | after the call | true",
      "José Núñez, please book the conference rooms for the offsite. | request | book the conference rooms for the offsite | José Núñez | false | - | false",
      "I will make sure the movers are confirmed by the 3rd of March. | self | make sure the movers are confirmed | - | true | by the 3rd of March | true",
      "Next step: Lee and Ada to patch the remaining laptops before the audit. | explicit | patch the remaining laptops | Lee and Ada | false | before the audit | true",
      "I'll let you know by end of week. | self | let you know | - | true | by end of week | true",
  })
  void findsCommitments(String sentence, String rule, String task, String owner, boolean ownerIsSpeaker,
      String due, boolean clear) {
    List<ActionItemCandidate> found = ActionItemDetector.detect(sentence);
    assertEquals(1, found.size(), sentence);
    ActionItemCandidate c = found.get(0);
    assertEquals(rule, c.rule(), "rule");
    assertEquals(task, c.task(), "task");
    assertEquals(owner, c.ownerName(), "owner");
    assertEquals(ownerIsSpeaker, c.ownerIsSpeaker(), "ownerIsSpeaker");
    assertEquals(due, c.duePhrase(), "due");
    assertEquals(clear, c.clear(), "clear");
    assertEquals(sentence, c.sentence());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "I sent the deck on Friday.",
      "I'll be honest, the numbers look bad.",
      "Can you hear me okay?",
      "Can you see my screen?",
      "Let me share my screen.",
      "I think we should revisit the forecast.",
      "Will the recording be shared afterwards?",
      "I can't send it by Friday.",
      "I won't be able to join tomorrow.",
      "If I send the deck, will you review it?",
      "We talked about this last week.",
      "I'll stay on mute mostly.",
      "Could you repeat that?",
      "Did you send the offer letter?",
      "I'd send it if I had time.",
      "Should I send the deck?",
      "I'll put the link in the chat.",
      "I'll share my screen.",
      "Let me know if you have questions.",
      "I can see the dashboard.",
      "The movers are booked for the 3rd of March.",
      "Sorry, I'll be right back.",
      "We'll see how it goes.",
      "Finance wants the updated forecast before the Q2 close.",
      "I can do that.",
      "Let me close some tabs, my laptop is really slow today.",
      "Everyone needs to pack their desks into boxes by Friday.",
      "Who owns the milestone for the mobile app?",
      "I'll just say one more thing.",
      "I'll do it.",
      "Can we park the backlog for now?",
  })
  void ignoresEverythingElse(String sentence) {
    assertEquals(List.of(), ActionItemDetector.detect(sentence), sentence);
  }

  @Test
  void findsEachCommitmentOfAMultiSentenceCue() {
    List<ActionItemCandidate> found = ActionItemDetector.detect(
        "Yeah, that's right. I'll send the variance report to finance by Thursday. Grace, can you review it?");
    assertEquals(2, found.size());
    assertEquals("send the variance report to finance", found.get(0).task());
    assertEquals("Grace", found.get(1).ownerName());
    assertNull(found.get(1).duePhrase());
    assertTrue(found.get(0).clear());
  }
}
