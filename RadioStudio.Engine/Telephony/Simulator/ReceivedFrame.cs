namespace RadioStudio.Engine.Telephony.Simulator;

/// <summary>One media frame the simulated caller received, with its arrival time (Stopwatch ticks).</summary>
public readonly record struct ReceivedFrame(long ArrivalTimestamp, int PayloadLength);
