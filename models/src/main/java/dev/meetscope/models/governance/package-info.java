/**
 * Governance: consent, opt-out, pseudonyms, role-based outputs, retention and audit (docs/governance.md).
 * Pure Java, no Beam types: the transforms layer adapts these classes into the governance gate right after
 * parsing, the sinks and the {@code meetscope purge} command.
 */
package dev.meetscope.models.governance;
