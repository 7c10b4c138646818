namespace Promotions.Domain.Discounts.Engine;

/// <summary>A stacking group met in one quote: its non-exclusive members in rank order and the one that won.</summary>
internal sealed class StackGroup
{
    public string Name { get; private set; } = "";

    public EffectPlan? First { get; private set; }

    private EffectPlan? Last { get; set; }

    /// <summary>The member that applies, once the walk has reached the group.</summary>
    public EffectPlan? Winner { get; set; }

    /// <summary>True once the winner is in the walk's stack.</summary>
    public bool InWalk { get; set; }

    /// <summary>The reason the other members report, built when first needed and shared by them.</summary>
    public Miss? LostMiss { get; set; }

    public void Reset(string name)
    {
        Name = name;
        First = Last = Winner = null;
        InWalk = false;
        LostMiss = null;
    }

    public void Add(EffectPlan member)
    {
        if (Last is null)
        {
            First = member;
        }
        else
        {
            Last.NextMember = member;
        }

        Last = member;
    }
}
