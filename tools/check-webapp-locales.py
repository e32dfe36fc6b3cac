#!/usr/bin/env python3
"""Checks our Danish webapp translations against the English ones Camunda ships.

For every app/<app>/locales/da.json under src/main/resources/META-INF/resources/webjars/camunda, compares it with
en.json in the camunda-webapp-webjar of the Camunda version in ~/.m2: the same keys with the same nesting, the same
{{placeholders}} in each label. Lists what differs and exits 1, so a Camunda upgrade that adds a key shows it.
Labels still equal to the English text are listed with --same (some are meant to be: Filter, Cockpit, <null>).

  python3 tools/check-webapp-locales.py [--same] [path/to/camunda-webapp-webjar.jar]
"""
import glob, json, os, re, sys, zipfile

ROOT = os.path.join(os.path.dirname(__file__), '..', 'src/main/resources/META-INF/resources/webjars/camunda')
PLACEHOLDER = re.compile(r'{{\s*([^}]*?)\s*}}')


def leaves(tree, prefix=''):
    for key, value in tree.items():
        path = prefix + key
        if isinstance(value, dict):
            yield from leaves(value, path + '.')
        else:
            yield path, value


def main(args):
    show_same = '--same' in args
    jars = [a for a in args if a.endswith('.jar')] or sorted(glob.glob(os.path.expanduser(
        '~/.m2/repository/org/camunda/bpm/webapp/camunda-webapp-webjar/*/camunda-webapp-webjar-*[0-9].jar')))
    if not jars:
        sys.exit('camunda-webapp-webjar not found in ~/.m2 (run mvn once)')
    jar = zipfile.ZipFile(jars[-1])
    problems = 0
    for da_path in sorted(glob.glob(os.path.join(ROOT, 'app/*/locales/da.json'))):
        app = da_path.split(os.sep)[-3]
        en = json.loads(jar.read(f'META-INF/resources/webjars/camunda/app/{app}/locales/en.json').decode('utf-8-sig'))
        da = json.load(open(da_path, encoding='utf-8'))
        en_leaves, da_leaves = dict(leaves(en)), dict(leaves(da))
        for key in en_leaves.keys() - da_leaves.keys():
            print(f'{app}: missing {key} (en: {en_leaves[key]!r})'); problems += 1
        for key in da_leaves.keys() - en_leaves.keys():
            print(f'{app}: {key} is not in en.json'); problems += 1
        for key in en_leaves.keys() & da_leaves.keys():
            e, d = en_leaves[key], da_leaves[key]
            if isinstance(e, list) != isinstance(d, list) or (isinstance(e, list) and len(e) != len(d)):
                print(f'{app}: {key} must be a list of {len(e)}'); problems += 1
            elif isinstance(e, str) and sorted(PLACEHOLDER.findall(e)) != sorted(PLACEHOLDER.findall(d)):
                print(f'{app}: {key} placeholders {PLACEHOLDER.findall(e)} in en, {PLACEHOLDER.findall(d)} in da')
                problems += 1
            elif show_same and e == d and isinstance(e, str) and re.search('[a-z]{3}', e):
                print(f'{app}: {key} same as English: {e!r}')
        print(f'{app}: {len(da_leaves)} entries checked against {os.path.basename(jars[-1])}')
    sys.exit(1 if problems else 0)


if __name__ == '__main__':
    main(sys.argv[1:])
