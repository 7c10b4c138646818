namespace Promotions.Domain.Discounts.Engine;

/// <summary>The lists and groups of one best-deal search, kept in the workspace and cleared for each quote.</summary>
internal sealed class DealBuffers
{
    private readonly List<StackGroup> _groups = [];
    private int _groupCount;

    public List<StackEntry> Walk { get; } = [];

    public List<StackEntry> Final { get; } = [];

    public List<(EffectPlan Exclusive, long Benefit)> Options { get; } = [];

    public Dictionary<string, int> GroupIds { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<StackGroup> Groups => _groups;

    public int AddGroup(string name)
    {
        if (_groupCount == _groups.Count)
        {
            _groups.Add(new StackGroup());
        }

        _groups[_groupCount].Reset(name);
        return _groupCount++;
    }

    public void Clear()
    {
        Walk.Clear();
        Final.Clear();
        Options.Clear();
        GroupIds.Clear();
        for (var i = 0; i < _groupCount; i++)
        {
            _groups[i].Reset("");
        }

        _groupCount = 0;
    }
}
