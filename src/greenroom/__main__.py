from greenroom.cli.main import run

run()
