using RadioStudio.Engine.State;

namespace RadioStudio.Tests.Support;

/// <summary>Small builders for states the pages render.</summary>
public static class StateBuilders
{
    public static StudioState OnAir(this StudioState state, DateTimeOffset started) =>
        state with { OnAir = true, Show = new ShowInfo("show-1", "Night Owls", started, null) };

    public static StudioState WithEntries(this StudioState state, params (string Speaker, PartyKind Kind, string Text)[] entries) =>
        state with
        {
            Transcript = state.Transcript.AddRange(entries.Select((e, i) =>
                new TranscriptEntry(state.Transcript.Count + i + 1, TimeSpan.FromSeconds(5 * (state.Transcript.Count + i)), TimeSpan.Zero, e.Speaker, e.Kind, e.Text))),
        };

    /// <summary>A call as the phone system hands it to the engine when the webhook answers.</summary>
    public static PhoneLineState Incoming(string id, string number, DateTimeOffset arrived) =>
        new(id, number, null, null, null, LineStatus.Ringing, arrived, null, 0, null) { CallSid = "CA" + id.PadLeft(32, '0') };

    public static PhoneLineState Caller(string id, DateTimeOffset arrived, LineStatus status = LineStatus.Holding, string? name = null, string? topic = null, int priority = 0) =>
        new(id, "+14155550" + id.PadLeft(3, '0')[^3..], name, topic, null, status, arrived, status is LineStatus.OnAir ? arrived : null, priority, status is LineStatus.OnAir ? 3 : null);
}
