using RadioStudio.Engine.State;

namespace RadioStudio.Engine.Persistence;

/// <summary>Durable storage of shows, transcript lines and settings. Every write is committed before it returns.</summary>
public interface IStudioRepository
{
    /// <summary>Creates the database or upgrades its schema.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Notes that the live show was running at <paramref name="at"/> (a heartbeat; a restart counts the time since the
    /// last one as downtime) and adds <paramref name="addDowntime"/> to the time the show clock leaves out.
    /// </summary>
    Task MarkShowAliveAsync(string showId, DateTimeOffset at, TimeSpan addDowntime, CancellationToken cancellationToken);

    /// <summary>Loads the latest show (live or not), its transcript and the settings.</summary>
    Task<RestoredStudio> LoadAsync(CancellationToken cancellationToken);

    /// <summary>Records a new show.</summary>
    Task InsertShowAsync(ShowInfo show, CancellationToken cancellationToken);

    /// <summary>Marks a show as ended.</summary>
    Task EndShowAsync(string showId, DateTimeOffset ended, CancellationToken cancellationToken);

    /// <summary>Appends a transcript line and returns its id.</summary>
    Task<long> InsertTranscriptEntryAsync(string showId, TranscriptEntry entry, CancellationToken cancellationToken);

    /// <summary>Records a new phone call, in the live show when there is one.</summary>
    Task InsertCallAsync(PhoneLineState line, string? showId, CancellationToken cancellationToken);

    /// <summary>Records a call's move to <paramref name="status"/> (and the caller details as they are now).</summary>
    Task RecordCallEventAsync(PhoneLineState line, DateTimeOffset at, string status, string? detail, CancellationToken cancellationToken);

    /// <summary>True when a call with this Twilio CallSid was ever recorded (a webhook for it again is a replay).</summary>
    Task<bool> CallSidKnownAsync(string callSid, CancellationToken cancellationToken);

    /// <summary>Marks a call ended.</summary>
    Task EndCallAsync(string lineId, DateTimeOffset at, string reason, CancellationToken cancellationToken);

    /// <summary>Ends every call still open (the studio restarted: their sockets are gone). Returns how many.</summary>
    Task<int> CloseOrphanedCallsAsync(DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Saves one setting.</summary>
    Task SaveSettingAsync(string key, string value, CancellationToken cancellationToken);
}
