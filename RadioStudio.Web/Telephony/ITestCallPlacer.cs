namespace RadioStudio.Web.Telephony;

/// <summary>Places a simulated test call (the console's "Test call" button).</summary>
public interface ITestCallPlacer
{
    /// <summary>Places a call; returns why the studio refused it, or null when it rang in.</summary>
    Task<string?> PlaceTestCallAsync(CancellationToken cancellationToken = default);
}
