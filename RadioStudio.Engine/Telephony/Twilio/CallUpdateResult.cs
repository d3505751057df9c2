namespace RadioStudio.Engine.Telephony.Twilio;

/// <summary>The answer to a call update: the outcome, Twilio's HTTP status when one came back, a short human message.</summary>
/// <param name="Outcome">What became of the request.</param>
/// <param name="HttpStatus">Twilio's HTTP status of the last attempt; null when no response came back.</param>
/// <param name="Message">For the studio log and the operator: why it failed, or what happened instead.</param>
public sealed record CallUpdateResult(CallUpdateOutcome Outcome, int? HttpStatus, string? Message);
