namespace RadioStudio.Web.Auth;

/// <summary>What a signed-in person may do: the host everything, the screener the queue, the co-host read.</summary>
public enum StudioRole
{
    /// <summary>Everything: air, lines, AI callers, settings, downloads.</summary>
    Host,

    /// <summary><c>/screen</c> and its queue actions; never airs a caller or touches an on-air line.</summary>
    Screener,

    /// <summary>The read-only <c>/transcript</c>.</summary>
    Cohost,
}
