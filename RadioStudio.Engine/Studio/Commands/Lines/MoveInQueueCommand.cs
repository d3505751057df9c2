using RadioStudio.Engine.State;

namespace RadioStudio.Engine.Studio.Commands.Lines;

/// <summary>The screener moves a waiting caller up (negative) or down (positive) the queue by swapping places.</summary>
internal sealed class MoveInQueueCommand(string lineId, int steps) : StudioCommand
{
    public override ValueTask<StudioState> ApplyAsync(StudioState state, CommandContext context, CancellationToken cancellationToken)
    {
        var queue = state.Queue.ToList();
        var index = queue.FindIndex(l => l.Id == lineId);
        if (index < 0)
        {
            throw new StudioCommandException("Only a caller waiting in the queue can be moved.");
        }

        var target = Math.Clamp(index + steps, 0, queue.Count - 1);
        if (target == index || queue[target].Status == LineStatus.Next || queue[index].Status == LineStatus.Next)
        {
            return ValueTask.FromResult(state);
        }

        // Renumber the queue in its new order so priorities stay dense and unambiguous.
        var moving = queue[index];
        queue.RemoveAt(index);
        queue.Insert(target, moving);
        var lines = state.Lines;
        for (var i = 0; i < queue.Count; i++)
        {
            lines = lines.Replace(lines.Find(l => l.Id == queue[i].Id)!, queue[i] with { Priority = i + 1 });
        }

        return ValueTask.FromResult(state with { Lines = lines });
    }
}
