"""The peer baseline: the compare script a team writes first. PyYAML's C loader reads the three
environments of every service, flattens each to dotted paths (arrays by index) and counts the
keys that differ or are missing. Exit 3 when PyYAML has no libyaml (the bench then skips it)."""
import os
import sys

import yaml

try:
    Loader = yaml.CSafeLoader
except AttributeError:
    sys.exit(3)

ENVS = ["aws-ci", "aws-staging", "aws-prod"]
ABSENT = object()


def flatten(node, prefix, out):
    if isinstance(node, dict) and node:
        for key, value in node.items():
            flatten(value, f"{prefix}.{key}" if prefix else str(key), out)
    elif isinstance(node, list) and node:
        for index, value in enumerate(node):
            flatten(value, f"{prefix}[{index}]", out)
    else:
        out[prefix] = node
    return out


def main(root):
    overlays = os.path.join(root, "kubernetes", "overlays")
    services = sorted(os.listdir(os.path.join(overlays, ENVS[0], "configs")))
    different = missing = 0
    for service in services:
        names = set()
        for env in ENVS:
            directory = os.path.join(overlays, env, "configs", service)
            if os.path.isdir(directory):
                names.update(n for n in os.listdir(directory) if n.endswith((".yaml", ".yml", ".json")))
        for name in sorted(names):
            flat = []
            for env in ENVS:
                path = os.path.join(overlays, env, "configs", service, name)
                if os.path.exists(path):
                    with open(path, encoding="utf-8") as handle:
                        flat.append(flatten(yaml.load(handle, Loader=Loader), "", {}))
                else:
                    flat.append({})
            for key in set().union(*flat):
                values = [f.get(key, ABSENT) for f in flat]
                if ABSENT in values:
                    missing += 1
                elif any(v != values[0] for v in values[1:]):
                    different += 1
    print(f"different: {different} | partially missing: {missing}")


if __name__ == "__main__":
    main(sys.argv[1])
    if os.environ.get("BENCH_RSS_PROBE"):
        import resource

        usage = resource.getrusage(resource.RUSAGE_SELF)
        with open(os.environ["BENCH_RSS_FILE"], "w", encoding="utf-8") as probe:
            probe.write(f"{usage.ru_maxrss} {usage.ru_utime} {usage.ru_stime}\n")
