namespace RadioStudio.Engine.Show.Memory;

/// <summary>What the pages may ask of show memory and the caller directory. Refusals are <c>StudioCommandException</c>s.</summary>
public interface IShowMemoryControl
{
    /// <summary>Pick an AI caller to react to the last phone call (announced in <c>StudioState.FollowUp</c>).</summary>
    Task FollowUpNowAsync(CancellationToken cancellationToken = default);

    /// <summary>Put the announced follow-up caller on the line.</summary>
    Task PutOnFollowUpAsync(CancellationToken cancellationToken = default);

    /// <summary>Skip the announced follow-up caller.</summary>
    Task SkipFollowUpAsync(CancellationToken cancellationToken = default);

    /// <summary>True when the AI caller of a call record can still be made a regular (a call of this session, not one yet).</summary>
    bool CanMakeRegular(string recordId);

    /// <summary>Make the AI caller of a call record a regular.</summary>
    Task MakeRegularAsync(string recordId, CancellationToken cancellationToken = default);

    /// <summary>Flag a phone number VIP and/or blocked.</summary>
    Task SetCallerFlagsAsync(string number, bool vip, bool blocked, CancellationToken cancellationToken = default);
}
