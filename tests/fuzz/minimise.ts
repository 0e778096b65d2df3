/**
 * Delta debugging (Zeller's ddmin) of a failing input: drop chunks of lines, then of characters, keeping every
 * reduction that still fails with the same signature. Bounded by a number of runs and a time budget (each run of a
 * hang costs the whole time limit), so that one stubborn input cannot stall a campaign.
 */
export interface MinimiseBudget {
    readonly maxRuns: number;
    readonly maxMs: number;
}

export async function minimise(text: string, reproduces: (candidate: string) => Promise<boolean>, budget: MinimiseBudget): Promise<string> {
    const deadline = Date.now() + budget.maxMs;
    let runs = 0;
    const tryCandidate = async (candidate: string): Promise<boolean> => {
        runs++;
        return reproduces(candidate);
    };
    const exhausted = () => runs >= budget.maxRuns || Date.now() > deadline;

    async function ddmin(units: string[], join: (units: string[]) => string): Promise<string[]> {
        let granularity = 2;
        while (units.length >= 2 && !exhausted()) {
            const size = Math.ceil(units.length / granularity);
            let reduced = false;
            for (let start = 0; start < units.length && !exhausted(); start += size) {
                const complement = [...units.slice(0, start), ...units.slice(start + size)];
                if (await tryCandidate(join(complement))) {
                    units = complement;
                    granularity = Math.max(granularity - 1, 2);
                    reduced = true;
                    break;
                }
            }
            if (!reduced) {
                if (granularity >= units.length) break;
                granularity = Math.min(units.length, granularity * 2);
            }
        }
        return units;
    }

    const lines = await ddmin(text.split(/(?<=\n)/), units => units.join(''));
    const characters = await ddmin([...lines.join('')], units => units.join(''));
    return characters.join('');
}
