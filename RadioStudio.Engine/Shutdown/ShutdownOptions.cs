using System.ComponentModel.DataAnnotations;

namespace RadioStudio.Engine.Shutdown;

/// <summary>What the studio does with a live show when the process is told to stop (Ctrl+C, SIGTERM).</summary>
public sealed class ShutdownOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Shutdown";

    /// <summary>The whole stop, phone callers included, must fit in this (the host's shutdown timeout).</summary>
    [Range(1.0, 60.0)]
    public double TimeoutSeconds { get; set; } = 2.5;

    /// <summary>What phone callers hear before they are hung up.</summary>
    [Required]
    public string CallerMessage { get; set; } = "We'll be right back. Please call again in a few minutes.";

    /// <summary>Hang phone callers up (through Twilio's REST API, after the message); false leaves them to reconnect.</summary>
    public bool HangUpCallers { get; set; } = true;
}
